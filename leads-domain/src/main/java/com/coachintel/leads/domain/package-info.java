/**
 * The lead-management domain: the lead lifecycle, value objects and the rules that hold whatever
 * stores or transports the leads. Depends on {@code java.*} only.
 */
package com.coachintel.leads.domain;
