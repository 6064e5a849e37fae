package org.opencsms.payara.it;

import org.opencsms.testkit.Api;
import org.opencsms.testkit.ApiContract;

/** The black-box API contract against Payara Micro: the same tests the EAR on Open Liberty passes. */
class PayaraApiContractIT extends ApiContract {
    @Override
    protected Api api() {
        return PayaraMicroProcess.Shared.SERVER.api();
    }
}
