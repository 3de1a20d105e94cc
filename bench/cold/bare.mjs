// Cold start baseline: Node starting and running an empty module.
