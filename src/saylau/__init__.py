"""saylau: election observation and results transparency platform."""

__version__ = "0.1.0"
