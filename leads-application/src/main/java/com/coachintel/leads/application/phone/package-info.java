/**
 * The {@link com.coachintel.leads.domain.port.PhoneNumberParser} port on Google's libphonenumber, a plain value
 * library: here rather than in the HTTP adapter, so that a service embedding the core gets phone validation without
 * the web stack (decision 0012). With {@code application.csv} (FastCSV, decision 0013), one of the two packages of the core allowed a library
 * beyond the JDK.
 */
package com.coachintel.leads.application.phone;
