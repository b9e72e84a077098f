"""Results chain: quick count, protocol arithmetic checks and tabulation.

The modules here are plain arithmetic over NumPy arrays and Polars frames;
they import neither Django nor any other saylau package.
"""
