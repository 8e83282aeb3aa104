"""Streamlit pages. Each module has ``render()``; pages call assistant services only."""
