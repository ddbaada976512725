"""The engine that runs every documented program and checks what it prints."""
