// The editor's script (the page helper fills this in).
