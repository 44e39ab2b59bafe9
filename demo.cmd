@echo off
rem demo launcher for Windows: builds the jar on first use, then runs it. Needs JDK 17+ and Maven.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\demo.jar"
if not exist "%JAR%" (
  echo building demo ^(first run^)... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests package 1>nul
  if errorlevel 1 (
    popd
    echo demo: the build failed; run "mvn -B package" to see why 1>&2
    exit /b 1
  )
  popd
)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar "%JAR%" %*
exit /b %ERRORLEVEL%
