"""Pure code of media monitoring: codes and labels, analysis, reliability, simulation."""
