package com.coachintel.leads.application.archfixture;

import com.coachintel.leads.adapter.http.HttpSettings;

/** Violates "the application depends on the domain only". Test fixture. */
public class ApplicationClassUsingAnAdapter {
    public int port(HttpSettings settings) {
        return settings.port();
    }
}
