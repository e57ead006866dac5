#!/bin/sh
# Publishes the API bundle as built now as the new baseline that every later build is compared with
# (docs/api-versioning.md). Run it from the repository root after a release of the module has shipped:
#   mvn -B -ntp verify -pl bundles/org.microsmartgrid.api && bundles/org.microsmartgrid.api/baseline/publish.sh 0.1.0-landed.24
set -eu
version=${1:?usage: publish.sh VERSION   (the name the release gets here, e.g. 0.1.0-landed.24)}
api=bundles/org.microsmartgrid.api
jar=$(ls "$api"/target/org.microsmartgrid.api-*.jar | grep -v -e sources -e javadoc | head -n 1)
[ -f "$jar" ] || { echo "build the API first: no jar in $api/target" >&2; exit 1; }
if [ -d "$api/baseline/org/microsmartgrid/org.microsmartgrid.api/$version" ]; then
    echo "$version is already published: a released API is never replaced, choose a new name" >&2; exit 1
fi
mvn -B -ntp -q org.apache.maven.plugins:maven-deploy-plugin:3.1.2:deploy-file -Dfile="$jar" \
    -DgroupId=org.microsmartgrid -DartifactId=org.microsmartgrid.api -Dversion="$version" -Dpackaging=jar \
    -DgeneratePom=true -Durl="file://$(pwd)/$api/baseline"
sed -i "s|<msg.api.baseline>[^<]*</msg.api.baseline>|<msg.api.baseline>$version</msg.api.baseline>|" "$api/pom.xml"
echo "published $jar as $version; $api/pom.xml now baselines against it: commit both"
