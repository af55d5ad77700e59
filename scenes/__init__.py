"""One module per scene type. Scenes are small classes: enter, exit, handle_event, update, draw."""
