"""Tickets: registration, states, deadlines in working days, pushes and notices."""
