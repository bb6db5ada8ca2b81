package com.coachintel.leads.application.archfixture;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Violates "libphonenumber only in application.phone". Test fixture. */
public class ApplicationClassUsingLibphonenumber {
    public boolean knows(String region) {
        return PhoneNumberUtil.getInstance().getSupportedRegions().contains(region);
    }
}
