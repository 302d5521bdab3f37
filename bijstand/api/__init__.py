"""The REST API of recht en hoogte."""
