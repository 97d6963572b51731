"""Builders: each reads what the person may see and describes one document."""
