/** Who is calling: turning the email the proxy vouches for into an active {@code Caller}. */
package com.coachintel.leads.application.auth;
