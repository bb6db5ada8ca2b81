package com.coachintel.leads.bootstrap;

/** A configuration value is missing or malformed; the message names the variable and the accepted form. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
