// The public face of the record model. Each module is exported as a namespace.
