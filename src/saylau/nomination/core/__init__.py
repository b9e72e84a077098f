"""Pure rules and arithmetic of nomination and accreditation (no Django)."""
