/** What email and SMS providers report about messages and addresses, as the domain records it. */
package com.coachintel.leads.domain.message;
