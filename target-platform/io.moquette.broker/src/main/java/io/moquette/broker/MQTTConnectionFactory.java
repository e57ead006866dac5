/*
 * Copyright (c) 2012-2018 The original author or authors
 * ------------------------------------------------------
 * All rights reserved. This program and the accompanying materials
 * are made available under the terms of the Eclipse Public License v1.0
 * and Apache License v2.0 which accompanies this distribution.
 *
 * The Eclipse Public License is available at
 * http://www.eclipse.org/legal/epl-v10.html
 *
 * The Apache License v2.0 is available at
 * http://www.opensource.org/licenses/apache2.0.php
 *
 * You may elect to redistribute this code under either of these licenses.
 *
 * Micro Smart Grid patch (moquette-broker 0.17, target-platform/io.moquette.broker/PATCHES.md): adds willAllowed, used
 * by the patched NewNettyMQTTHandler. Everything else is Moquette's code unchanged.
 */
package io.moquette.broker;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.channel.Channel;

class MQTTConnectionFactory {

    private final BrokerConfiguration brokerConfig;
    private final IAuthenticator authenticator;
    private final SessionRegistry sessionRegistry;
    private final PostOffice postOffice;

    MQTTConnectionFactory(BrokerConfiguration brokerConfig, IAuthenticator authenticator,
                          SessionRegistry sessionRegistry, PostOffice postOffice) {
        this.brokerConfig = brokerConfig;
        this.authenticator = authenticator;
        this.sessionRegistry = sessionRegistry;
        this.postOffice = postOffice;
    }

    /**
     * Micro Smart Grid patch: whether the CONNECT's last will may be accepted. When the authenticator is also the
     * authorization policy (one object deciding who connects and what they may touch), the will topic must pass
     * {@link IAuthorizatorPolicy#canWrite} for the connecting user and client id, as a PUBLISH to it would.
     */
    boolean willAllowed(MqttConnectMessage msg) {
        if (!msg.variableHeader().isWillFlag() || !(authenticator instanceof IAuthorizatorPolicy)) {
            return true;
        }
        String willTopic = msg.payload().willTopic();
        if (willTopic == null || willTopic.isEmpty()) {
            return false;
        }
        try {
            return ((IAuthorizatorPolicy) authenticator).canWrite(new Topic(willTopic), msg.payload().userName(),
                msg.payload().clientIdentifier());
        } catch (RuntimeException e) {
            return false;
        }
    }

    MQTTConnection create(Channel channel) {
        return new MQTTConnection(channel, brokerConfig, authenticator, sessionRegistry, postOffice);
    }
}
