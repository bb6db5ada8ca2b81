/** Reading leads: the list with filters, one lead's details, and its message events. */
package com.coachintel.leads.application.leads;
