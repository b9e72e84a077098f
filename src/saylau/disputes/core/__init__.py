"""Pure code of disputes: deadlines, bodies, states, simulation, statistics (no Django)."""
