// ShadowConfig: under construction
