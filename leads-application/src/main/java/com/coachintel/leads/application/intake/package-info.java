/**
 * How leads come in: a signed-in user creates one, a public sign-up form captures one with consent proof, and
 * consent changes are appended to a lead's ledger. Every rule lives here and in the domain, so that an
 * embedding service gets them without HTTP.
 */
package com.coachintel.leads.application.intake;
