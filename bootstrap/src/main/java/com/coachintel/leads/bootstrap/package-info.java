/**
 * Configuration from the environment, explicit wiring with {@code new}, {@code main} and the runnable
 * jar. The only module that sees every other.
 */
package com.coachintel.leads.bootstrap;
