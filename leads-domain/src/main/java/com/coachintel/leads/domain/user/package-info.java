/** The people who use Leads: accounts, and the caller a request acts for. */
package com.coachintel.leads.domain.user;
