"""The hostile-input battery: its corpus, raw HTTP, the site's actors and routes, and the run."""
