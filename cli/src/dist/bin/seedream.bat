@echo off
rem seedream - the seedream4j command line. Needs a Java 17 (or newer) runtime: %JAVA_HOME%\bin\java.exe, else
rem java.exe on the PATH. Extra JVM options: JAVA_OPTS.
setlocal
set "APP_HOME=%~dp0.."
set "JAVA_CMD=java.exe"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
rem JDK 17's HttpClient.sendAsync starts a thread per response on one or two processors unless the common pool has
rem two threads; JAVA_OPTS come later, so a value there wins
"%JAVA_CMD%" -XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -Djava.util.concurrent.ForkJoinPool.common.parallelism=2 %JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.github.seedream4j.cli.Main %*
exit /b %ERRORLEVEL%
