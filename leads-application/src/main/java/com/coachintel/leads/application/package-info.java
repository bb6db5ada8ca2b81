/**
 * The use cases of lead management, written against the domain's ports. No framework: an embedding
 * service constructs the services with {@code new} and hands them its own port implementations.
 */
package com.coachintel.leads.application;
