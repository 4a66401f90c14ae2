// ShadowRuntime: under construction
