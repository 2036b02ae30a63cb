"""Conversation logic: a router and one module per intent. No HTTP, no XML, no SQL."""
