@echo off
rem demo launcher for Windows: builds demo on first use, then runs it. Needs a JDK 17+; Maven is the
rem one on the PATH, or else the one mvnw.cmd fetches.
rem Builds go to target\launcher, apart from `mvn verify`'s target\, and are copied to
rem target\run\demo-<build>.jar: a running demo keeps its copy (Windows does not delete a jar that a
rem JVM has open, so an old copy goes at a later build once nothing runs it). target\run\current
rem names the newest. One launcher builds at a time; the others wait, then find the build done.
setlocal EnableExtensions DisableDelayedExpansion
set "HERE=%~dp0"
rem A symbolic link to this file: the repository is where the link points.
for %%I in ("%~f0") do set "ATTRS=%%~aI"
if not "%ATTRS:l=%"=="%ATTRS%" call :resolve_link
set "RUN=%HERE%target\run"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"

call :current
if defined JAR if exist "%JAR%" goto run

echo building demo (first run)... 1>&2
if not exist "%RUN%" mkdir "%RUN%"
set "SAID="
:lock
rem While one launcher holds target\run\lock open for writing, another cannot open it; Windows lets
rem go of it when its holder ends, however it ends. (Inside, stderr is nul: messages come after.)
set "GOT_LOCK="
set "BUILD_FAILED="
2>nul (
  9>"%RUN%\lock" (
    set "GOT_LOCK=1"
    call :build_locked
  )
)
if not defined GOT_LOCK (
  if not defined SAID echo demo: waiting for another demo to finish building... 1>&2
  set "SAID=1"
  >nul 2>nul ping -n 2 127.0.0.1
  goto lock
)
if defined BUILD_FAILED (
  type "%RUN%\build.log" 1>&2
  del /q "%RUN%\build.log" 2>nul
  echo demo: the build failed ^(output above^) 1>&2
  exit /b 1
)
call :current

:run
rem demo writes UTF-8 (Chinese with --lang zh-CN): the console is switched to code page 65001 for the
rem run and back afterwards, or Java 17 on a console set to 936 (GBK) or 437 shows Chinese as "?".
set "CODEPAGE="
for /f "tokens=2 delims=:" %%C in ('chcp 2^>nul') do set "CODEPAGE=%%C"
if defined CODEPAGE set "CODEPAGE=%CODEPAGE: =%"
if defined CODEPAGE set "CODEPAGE=%CODEPAGE:.=%"
if defined CODEPAGE chcp 65001 >nul
rem The flags of every JVM demo starts, written once for both launchers and demo's child JVMs.
set "FLAGS="
for /f "usebackq eol=# delims=" %%F in ("%HERE%src\main\resources\concurrencydemo\multiprocessing\jvm.flags") do call :add_flag "%%F"
rem JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS apply to every JVM started while they are set, and each
rem such JVM says so on stderr ("Picked up JAVA_TOOL_OPTIONS: ..."), among the program's output. As
rem the POSIX launcher does, demo takes them over: their options come first on the command line,
rem and their values move to DEMO_JAVA_TOOL_OPTIONS and DEMO_JDK_JAVA_OPTIONS for the child JVMs.
set "VM_OPTIONS="
call :take_over JAVA_TOOL_OPTIONS
call :take_over JDK_JAVA_OPTIONS
"%JAVA%" %VM_OPTIONS% %FLAGS% "-XX:ErrorFile=%RUN%\hs_err_pid%%p.log" -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%JAR%" %*
set "STATUS=%ERRORLEVEL%"
if defined CODEPAGE chcp %CODEPAGE% >nul
exit /b %STATUS%

:add_flag
set "FLAGS=%FLAGS% %~1"
exit /b 0

:take_over
rem %1 (JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS), taken over only when it holds none of " ' %% & | < >:
rem quotes only the JVM splits right, and the rest cmd would read itself.
if not defined %1 exit /b 0
setlocal EnableDelayedExpansion
set "VALUE=!%1!"
set "VALUE=!VALUE:"=!"
set "VALUE=!VALUE:'=!"
set "VALUE=!VALUE:%%=!"
set "VALUE=!VALUE:&=!"
set "VALUE=!VALUE:|=!"
set "VALUE=!VALUE:<=!"
set "VALUE=!VALUE:>=!"
set "PLAIN="
if "!VALUE!"=="!%1!" set "PLAIN=1"
endlocal & set "PLAIN=%PLAIN%"
if not defined PLAIN exit /b 0
call set "VM_OPTIONS=%%VM_OPTIONS%% %%%1%%"
call set "DEMO_%1=%%%1%%"
set "%1="
exit /b 0

:current
set "ID="
set "JAR="
if exist "%RUN%\current" set /p ID=<"%RUN%\current"
if defined ID set "JAR=%RUN%\demo-%ID%.jar"
exit /b 0

:build_locked
rem another launcher may have built it while this one waited
call :current
if defined JAR if exist "%JAR%" exit /b 0
del /q "%RUN%\*.tmp" 2>nul
set "MVN=%HERE%mvnw.cmd"
where mvn >nul 2>nul && set "MVN=mvn"
pushd "%HERE%"
call "%MVN%" -B -q -Dmaven.test.skip=true "-Ddemo.buildDirectory=%HERE%target\launcher" package >"%RUN%\build.log" 2>&1
if errorlevel 1 goto build_failed
popd
:stamp
set "ID=%RANDOM%%RANDOM%%RANDOM%"
if exist "%RUN%\demo-%ID%.jar" goto stamp
copy /y "%HERE%target\launcher\demo.jar" "%RUN%\demo-%ID%.jar.tmp" >nul || goto build_failed_copy
move /y "%RUN%\demo-%ID%.jar.tmp" "%RUN%\demo-%ID%.jar" >nul || goto build_failed_copy
>"%RUN%\current.tmp" echo %ID%
move /y "%RUN%\current.tmp" "%RUN%\current" >nul || goto build_failed_copy
del /q "%RUN%\build.log" 2>nul
rem older copies: a JVM has them open while it runs, and then they are not deleted
for %%F in ("%RUN%\demo-*.jar") do if /i not "%%~nxF"=="demo-%ID%.jar" del /q "%%~fF" 2>nul
exit /b 0
:build_failed
popd
:build_failed_copy
set "BUILD_FAILED=1"
exit /b 1

:resolve_link
rem "dir /al" shows a link as: <SYMLINK>  demo.cmd [target]; a relative target is from the link's folder
set "TARGET="
for /f "tokens=2 delims=[]" %%T in ('dir /al "%~f0" 2^>nul ^| find "<SYMLINK>"') do set "TARGET=%%T"
if not defined TARGET exit /b 0
if "%TARGET:~1,1%"==":" (set "TARGET_PATH=%TARGET%") else if "%TARGET:~0,2%"=="\\" (set "TARGET_PATH=%TARGET%") else set "TARGET_PATH=%HERE%%TARGET%"
for %%I in ("%TARGET_PATH%") do set "HERE=%%~dpI"
exit /b 0
