package org.opencsms.it;

import org.opencsms.testkit.Api;
import org.opencsms.testkit.ApiContract;

/** The black-box API contract against the EAR on Open Liberty; payara-micro runs the same tests. */
class ApiContractIT extends ApiContract {
    @Override
    protected Api api() {
        return Server.API;
    }
}
