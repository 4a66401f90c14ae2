// ShadowModels: under construction
