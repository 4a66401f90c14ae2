// ShadowFiles: under construction
