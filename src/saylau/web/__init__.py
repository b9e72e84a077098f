"""saylau web."""
