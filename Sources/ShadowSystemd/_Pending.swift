// ShadowSystemd: under construction
