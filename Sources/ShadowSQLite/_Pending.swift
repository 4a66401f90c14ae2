// ShadowSQLite: under construction
