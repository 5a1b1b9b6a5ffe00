# Sending records to a Learning Record Store (src/lrs, src/ui/trainer/lrs.rs, `kynangso push`).

trainer-nav-lrs = Send records to an LRS
lrs-title = Send records to an LRS
lrs-intro = An LRS is the province's or district's server that receives learning records from every PC. When this PC is online it sends the records not sent yet; offline, they are kept and sent later, never lost and never sent twice.
lrs-endpoint = LRS address
lrs-endpoint-hint = https://lrs.province.gov.vn/xAPI
lrs-user = User (key)
lrs-password = Password (secret)
lrs-secret-kept = The password is kept apart on this PC and is never in an export.
lrs-save = Save settings
lrs-saved = Sending settings saved.
lrs-save-failed = The sending settings could not be saved. Please try again.
lrs-check = Check connection
lrs-send = Send now
lrs-auto = Send automatically when online
lrs-checking = Checking the connection…
lrs-sending = Sending…
lrs-check-ok = Connected. The LRS speaks xAPI version { $version }.
lrs-check-ok-no-version = Connected. The LRS does not say its xAPI version.
lrs-status-counts = Sent { $sent } · Waiting { $waiting }
lrs-status-last = Last sent { $time }
lrs-status-error = Error: { $error }
lrs-status-refused = { $count } records refused by the LRS (not sent again):
lrs-refused-item = { $id }: code { $status } — { $reason }

lrs-error-url-empty = No LRS address yet.
lrs-error-url = The LRS address is not right. It must start with https:// or http://, e.g. https://lrs.province.gov.vn/xAPI.
lrs-error-host = The LRS server was not found: the name is mistyped or this PC is offline. The records are kept to send later.
lrs-error-refused = Could not connect to the LRS: no server answers at this address, or the network is down. The records are kept to send later.
lrs-error-timeout = The LRS took too long to answer, so sending stopped. The records are kept to send later.
lrs-error-certificate = No secure connection to the LRS: the server's certificate is not valid, or this PC's clock is wrong. Check the PC's date and time and ask whoever runs the LRS. The records are kept.
lrs-error-proxy = This network's proxy refused the connection to the LRS. Ask whoever runs the network. The records are kept.
lrs-error-garbage = The LRS gave an answer that makes no sense, so nothing was sent. The records are kept to send later.
lrs-error-auth = The LRS did not accept the user or password. Check both. The records are kept.
lrs-error-not-lrs = This address is not an LRS (it may be a web page). Check the address; it usually ends in /xAPI. The records are kept.
lrs-error-server = The LRS is failing (code { $status }). This PC will try again later. The records are kept.
lrs-error-busy = Another sending to this LRS is running. Wait for it to finish.
lrs-error-records = The learning records on this PC could not be read for sending.
lrs-error-ledger = The sending ledger in the data folder could not be written. Check that the disk has free space.

cli-push-result = sent { $sent }, already there { $already }, refused { $refused }, waiting { $waiting }
cli-push-no-url = No LRS address: use --lrs URL or the KYNANGSO_LRS_URL environment variable.
cli-push-no-records = No learning records in the folder { $folder }, so nothing was sent. Check the data folder given after --data-dir.
