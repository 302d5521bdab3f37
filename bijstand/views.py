"""Browser UI of recht en hoogte: thin views over selectors and services."""
