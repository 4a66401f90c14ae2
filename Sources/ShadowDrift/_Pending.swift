// ShadowDrift: under construction
