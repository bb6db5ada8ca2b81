package com.coachintel.leads.domain.archfixture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violates "the domain depends on java.* only". Test fixture; never part of the product. */
public class DomainClassUsingALoggingLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(DomainClassUsingALoggingLibrary.class);

    public void log() {
        LOG.info("domain code must not log through a library");
    }
}
