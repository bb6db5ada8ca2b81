/**
 * The HTTP API on Javalin 7. Handlers take use cases in their constructors; every error leaves as
 * RFC 9457 {@code application/problem+json}.
 */
package com.coachintel.leads.adapter.http;
