"""Top layer: composes several domain apps (periodic jobs, work lists, dashboards). Nothing below imports it."""
