// ShadowMonitor: under construction
