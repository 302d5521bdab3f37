"""Browser forms of recht en hoogte."""
