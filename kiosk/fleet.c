/*
 * fleet: inbox and outbox of the running kiosk, their work in a child
 * process (see fleet.h).
 */
#include "fleet.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/log.h"
#include "base/util.h"
#include "core/outbox.h"
#include "core/store/store.h"

extern char **environ;

void fleet_init(struct fleet *f, const char *data, const char *name, int date,
		int scripted, uint64_t now)
{
	char exe[PATH_MAX], dir[PATH_MAX + 16], *slash;
	ssize_t n;

	memset(f, 0, sizeof(*f));
	f->data = data;
	f->date = date;
	f->scripted = scripted;
	f->pid = -1;
	outbox_kiosk_name(name, f->name, sizeof(f->name));
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	if ((slash = strrchr(exe, '/')))
		*slash = '\0';
	snprintf(f->ctl, sizeof(f->ctl), "%s/kioskctl", exe);
	f->inbox_on = inbox_open(&f->inbox, data);
	snprintf(dir, sizeof(dir), "%s/" OUTBOX_DIR, data);
	f->outbox_on = path_is_dir(dir);
	if ((f->inbox_on || f->outbox_on) && access(f->ctl, X_OK) < 0) {
		log_error("inbox and outbox off: '%s' is missing", f->ctl);
		f->inbox_on = f->outbox_on = 0;
	}
	if (f->inbox_on)
		log_info("inbox: watching '%s'", f->inbox.dir);
	if (f->outbox_on)
		log_info("outbox: answers go to '%s' as kiosk '%s'", dir,
			 f->name);
	f->next_look = now;
}

/* ---- the child ---- */

/* Runs kioskctl with args in a child at low priority, output to a file.
 * The child gets no systemd variables, no blocked signals and no
 * display: it needs none. */
static int job_start(struct fleet *f, enum fleet_job kind,
		     const char *const *args, int nargs)
{
	static char opt_data[] = "--data", opt_date[] = "--date",
		    no_display[] = "SDL_VIDEODRIVER=dummy";
	char *argv[12], datearg[16];
	char **env;
	sigset_t none;
	int out, i, n = 0, k = 0;
	pid_t pid;

	snprintf(f->job_out, sizeof(f->job_out), "%s/.kioskctl-uitvoer.txt",
		 f->data);
	out = open(f->job_out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (out < 0) {
		log_error("cannot run kioskctl: '%s': %s", f->job_out,
			  strerror(errno));
		return -1;
	}
	argv[n++] = f->ctl;
	for (i = 0; i < nargs && n < 8; i++)
		argv[n++] = (char *)args[i];
	argv[n++] = opt_data;
	argv[n++] = (char *)f->data;
	if (f->date) {
		snprintf(datearg, sizeof(datearg), "%04d-%02d-%02d",
			 f->date / 10000, f->date / 100 % 100, f->date % 100);
		argv[n++] = opt_date;
		argv[n++] = datearg;
	}
	argv[n] = NULL;
	for (i = 0; environ[i]; i++)
		;
	env = xcalloc((size_t)i + 2, sizeof(*env));
	for (i = 0; environ[i]; i++)
		if (!str_starts(environ[i], "NOTIFY_SOCKET=") &&
		    !str_starts(environ[i], "WATCHDOG_") &&
		    !str_starts(environ[i], "SDL_VIDEODRIVER="))
			env[k++] = environ[i];
	env[k++] = no_display;
	sigemptyset(&none);
	pid = fork();
	if (pid == 0) {
		/* only calls safe after fork in a threaded program */
		sigprocmask(SIG_SETMASK, &none, NULL);
		setpriority(PRIO_PROCESS, 0, 10);
		dup2(out, 1);
		dup2(out, 2);
		execve(f->ctl, argv, env);
		_exit(127);
	}
	free(env);
	close(out);
	if (pid < 0) {
		log_error("cannot run kioskctl: %s", strerror(errno));
		return -1;
	}
	f->pid = pid;
	f->job = kind;
	return 0;
}

static char *job_output(struct fleet *f)
{
	struct err e = { "" };
	size_t len;
	char *s = file_read(f->job_out, 1u << 20, &len, &e);

	unlink(f->job_out);
	return s ? s : str_dup("");
}

/* The child ended with status: record what became of its work. */
static int job_finish(struct fleet *f, int status, int today, int minute)
{
	int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	char *out = job_output(f);
	struct err e = { "" };
	int installed = 0;

	if (f->job == FLEET_INSTALL) {
		if (ok) {
			log_info("inbox: pack '%s' installed", f->job_pack);
			installed = 1;
		} else {
			log_warn("inbox: pack '%s' refused; the reasons are "
				 "in '%s/%s.fout.txt'",
				 f->job_pack, f->inbox.dir, f->job_pack);
		}
		if (inbox_done(&f->inbox, f->job_pack, f->job_print, ok, out,
			       today, minute, &e) < 0)
			log_error("inbox: %s", e.msg);
	} else if (ok) {
		log_info("outbox: %s", str_trim(out));
	} else {
		log_error("outbox: not written: %s", str_trim(out));
	}
	free(out);
	f->job = FLEET_IDLE;
	f->pid = -1;
	return installed;
}

/* 1 when the child has ended (finished), 0 while it runs. */
static int job_poll(struct fleet *f, int today, int minute, int *installed)
{
	int status = 0;
	pid_t r;

	do
		r = waitpid(f->pid, &status, f->scripted ? 0 : WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return 0;
	if (r < 0)
		status = 0x7f00; /* lost: count it as failed */
	*installed = job_finish(f, status, today, minute);
	return 1;
}

/* ---- the turn ---- */

int64_t fleet_wakeup_in(const struct fleet *f, uint64_t now)
{
	if (f->job != FLEET_IDLE)
		return FLEET_JOB_MS;
	if (!f->inbox_on && !f->outbox_on)
		return -1;
	return now >= f->next_look ? 0 : (int64_t)(f->next_look - now);
}

int fleet_tick(struct fleet *f, uint64_t now, int today, int minute,
	       int resting)
{
	char src[PATH_MAX + 16], pack[INBOX_NAME_MAX];
	uint64_t print;
	int installed = 0;

	if (f->job != FLEET_IDLE && !job_poll(f, today, minute, &installed))
		return 0;
	if (installed || now < f->next_look)
		return installed;
	f->next_look = now + FLEET_LOOK_MS;
	/* the look is a walk over a few folders; the work waits for rest */
	if (f->inbox_on && inbox_look(&f->inbox, pack, sizeof(pack), &print)) {
		const char *args[] = { "install", src };

		/* a visitor is being served: the next look finds it again */
		if (!resting)
			return 0;
		snprintf(src, sizeof(src), "%s/%s", f->inbox.dir, pack);
		str_copy(f->job_pack, sizeof(f->job_pack), pack);
		f->job_print = print;
		log_info("inbox: checking and installing pack '%s'", pack);
		if (job_start(f, FLEET_INSTALL, args, 2) == 0 && f->scripted)
			job_poll(f, today, minute, &installed);
		return installed;
	}
	if (f->outbox_on && resting && f->outbox_day != today) {
		const char *args[] = { "outbox" };

		snprintf(src, sizeof(src), "%s/" STORE_FILE, f->data);
		f->outbox_day = today;
		if (access(src, F_OK) < 0)
			return 0; /* no answers yet: nothing to send */
		if (job_start(f, FLEET_OUTBOX, args, 1) == 0 && f->scripted)
			job_poll(f, today, minute, &installed);
	}
	return installed;
}

void fleet_release(struct fleet *f)
{
	int status;

	if (f->job == FLEET_IDLE || f->pid <= 0)
		return;
	kill(f->pid, SIGTERM);
	waitpid(f->pid, &status, 0);
	unlink(f->job_out);
	f->job = FLEET_IDLE;
}
