/**
 * The {@link com.coachintel.leads.domain.port.PhoneNumberParser} port on Google's libphonenumber, a plain value
 * library: here rather than in the HTTP adapter, so that a service embedding the core gets phone validation without
 * the web stack (decision 0012). The only package of the core allowed a library other than the JDK.
 */
package com.coachintel.leads.application.phone;
