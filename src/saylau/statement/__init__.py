"""saylau statement."""
