<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AdminPage</name>
    <message>
        <source>Akun Admin</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <source>Admin mengurus akun petugas dan pengaturan. Setelah langkah ini situs dibuat.</source>
        <translation>The Admin manages officer accounts and settings. The site is created after this step.</translation>
    </message>
    <message>
        <source>&amp;Buat situs</source>
        <translation>&amp;Create site</translation>
    </message>
    <message>
        <source>Akun ini milik satu orang (misalnya Kepala Puskesos atau operator desa), bukan akun bersama. Admin tidak melayani warga: petugas memakai akun masing-masing, yang dibuat pada langkah berikutnya.</source>
        <translation>This account belongs to one person (for example the head of the Puskesos or the village operator); it is not a shared account. The Admin does not serve residents: officers use their own accounts, which are created in the next step.</translation>
    </message>
    <message>
        <source>Aturan kata sandi: paling sedikit {n} karakter; tidak sama dengan nama pengguna; bukan kata yang mudah ditebak seperti &quot;rahasia&quot;, &quot;puskesos&quot; atau &quot;12345678&quot;. Gabungan beberapa kata mudah diingat, misalnya kebun-jati-pagi-7.</source>
        <translation>Password rules: at least {n} characters; not the same as the username; not an easily guessed word such as &quot;rahasia&quot;, &quot;puskesos&quot; or &quot;12345678&quot;. A few words joined together are easy to remember, for example kebun-jati-pagi-7.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>misalnya: Sri Wahyuni</source>
        <translation>for example: Sri Wahyuni</translation>
    </message>
    <message>
        <source>Membuat situs, kunci situs dan akun Admin…</source>
        <translation>Creating the site, the site key and the Admin account…</translation>
    </message>
    <message>
        <source>{reason} Belum ada yang disimpan; tekan Buat situs lagi.</source>
        <translation>{reason} Nothing has been saved yet; press Create site again.</translation>
    </message>
    <message>
        <source>Situs belum dibuat karena kesalahan sistem. Belum ada yang disimpan; tekan Buat situs lagi.</source>
        <translation>The site was not created because of a system error. Nothing has been saved yet; press Create site again.</translation>
    </message>
    <message>
        <source>Situs dan akun Admin sudah dibuat, tetapi kop surat belum tersimpan: {reason} Tekan Buat situs lagi untuk menyimpan kop surat. Bila tetap gagal, tutup penyiapan ini: situs sudah siap, dan kop surat dapat diisi di Pengaturan → Surat dan kop.</source>
        <translation>The site and the Admin account have been created, but the letterhead was not saved: {reason} Press Create site again to save the letterhead. If it still fails, close this set-up: the site is ready, and the letterhead can be filled in at Settings → Letters and letterhead.</translation>
    </message>
    <message>
        <source>Menyimpan kop surat…</source>
        <translation>Saving the letterhead…</translation>
    </message>
</context>
<context>
    <name>AgencyServicesDialog</name>
    <message>
        <source>Lembar untuk instansi</source>
        <translation>Sheet for an agency</translation>
    </message>
    <message>
        <source>Centang layanan instansi yang akan menerima lembar ini. Tanpa centang: semua rujukan yang menunggu jawaban.</source>
        <translation>Tick the services of the agency that will receive this sheet. None ticked: every referral waiting for an answer.</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Services</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Server basis data tidak dapat dihubungi</source>
        <translation>The database server cannot be reached</translation>
    </message>
    <message>
        <source>Pastikan komputer server menyala dan jaringan kantor tersambung, lalu tekan Coba lagi. Sementara itu layanan dapat dicatat di kertas dan dimasukkan setelah server kembali.</source>
        <translation>Make sure the server computer is on and the office network is connected, then press Try again. Meanwhile services can be recorded on paper and entered when the server is back.</translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Ubah koneksi…</source>
        <translation>Change connection…</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Tidak dapat terhubung ke server basis data. Periksa nama server, port, nama basis data, pengguna dan kata sandi.</source>
        <translation>Cannot connect to the database server. Check the server name, port, database name, user and password.</translation>
    </message>
    <message>
        <source>Situs belum disiapkan</source>
        <translation>The site has not been set up</translation>
    </message>
</context>
<context>
    <name>AuditEventsModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <source>Buat data</source>
        <translation>Create record</translation>
    </message>
    <message>
        <source>Ubah data</source>
        <translation>Change record</translation>
    </message>
    <message>
        <source>Hapus data</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Gagal masuk</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Lihat data spesifik</source>
        <translation>View sensitive data</translation>
    </message>
    <message>
        <source>Buka samaran NIK/KK</source>
        <translation>Unmask NIK/KK</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Ubah status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Abaikan peringatan validasi</source>
        <translation>Override validation warning</translation>
    </message>
    <message>
        <source>Hapus permanen</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Penyiapan situs</source>
        <translation>Site set-up</translation>
    </message>
    <message>
        <source>Muat data rujukan</source>
        <translation>Load reference data</translation>
    </message>
    <message>
        <source>Pembaruan basis data</source>
        <translation>Database upgrade</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Layar dibuka</source>
        <translation>Screen unlocked</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Periksa keutuhan log</source>
        <translation>Check log integrity</translation>
    </message>
    <message>
        <source>Permintaan data pribadi</source>
        <translation>Personal data request</translation>
    </message>
    <message>
        <source>Pemberitahuan kebocoran</source>
        <translation>Breach notice</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Siapa melakukan apa dan kapan. Setiap peristiwa menyimpan sidik peristiwa sebelumnya, sehingga perubahan di luar aplikasi dapat ditemukan.</source>
        <translation>Who did what, and when. Each event stores the fingerprint of the event before it, so changes made outside the app can be found.</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Semua waktu</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Rentang tanggal…</source>
        <translation>Date range…</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Saring menurut pengguna</source>
        <translation>Filter by user</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Saring menurut aksi</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <source>Semua aksi</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>ID data, nama tabel, atau #nomor peristiwa</source>
        <translation>Record ID, table name or #event number</translation>
    </message>
    <message>
        <source>Cari data</source>
        <translation>Search records</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Periksa keutuhan log</source>
        <translation>Check log integrity</translation>
    </message>
    <message>
        <source>Hitung ulang rantai hash seluruh log untuk menemukan peristiwa yang diubah, dihapus, atau disisipkan di luar aplikasi</source>
        <translation>Recompute the hash chain of the whole log to find events changed, deleted or inserted outside the app</translation>
    </message>
    <message>
        <source>Kebocoran data…</source>
        <translation>Data breach…</translation>
    </message>
    <message>
        <source>Daftar warga yang terdampak dan draf pemberitahuan 3×24 jam (UU PDP Pasal 46)</source>
        <translation>List of affected residents and a draft 3×24-hour notice (UU PDP Article 46)</translation>
    </message>
    <message>
        <source>Peristiwa audit</source>
        <translation>Audit events</translation>
    </message>
    <message>
        <source>Rincian peristiwa</source>
        <translation>Event details</translation>
    </message>
    <message>
        <source>Pilih satu peristiwa untuk melihat rinciannya.</source>
        <translation>Select an event to see its details.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Muat lebih banyak</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Menampilkan {shown} dari {total} peristiwa (terbaru dulu)</source>
        <translation>Showing {shown} of {total} events (newest first)</translation>
    </message>
    <message>
        <source>Log audit tidak dapat dimuat.</source>
        <translation>The audit log could not be loaded.</translation>
    </message>
    <message>
        <source>Peristiwa nomor {seq}</source>
        <translation>Event no. {seq}</translation>
    </message>
    <message>
        <source>Waktu: {when}</source>
        <translation>Time: {when}</translation>
    </message>
    <message>
        <source>Pengguna: {name} ({id})</source>
        <translation>User: {name} ({id})</translation>
    </message>
    <message>
        <source>Komputer: {device}</source>
        <translation>Computer: {device}</translation>
    </message>
    <message>
        <source>Aksi: {action}</source>
        <translation>Action: {action}</translation>
    </message>
    <message>
        <source>Data: {record}</source>
        <translation>Data: {record}</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Penerima</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Perubahan (sebelum → sesudah):</source>
        <translation>Changes (before → after):</translation>
    </message>
    <message>
        <source>Memeriksa seluruh log… (log yang panjang memerlukan beberapa menit)</source>
        <translation>Checking the whole log… (a long log takes a few minutes)</translation>
    </message>
    <message>
        <source>Lihat peristiwa {seq}</source>
        <translation>View event {seq}</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Cadangkan sekarang…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>Salin seluruh basis data ke folder atau flashdisk pilihan Anda</source>
        <translation>Copy the whole database to a folder or USB stick of your choice</translation>
    </message>
    <message>
        <source>Kata sandi cadangan…</source>
        <translation>Backup password…</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Cadangan terakhir</source>
        <translation>Recent backups</translation>
    </message>
    <message>
        <source>Cadangan otomatis dibuat saat aplikasi pertama kali dibuka setiap hari (disimpan 7 harian, 4 mingguan, 12 bulanan).</source>
        <translation>An automatic backup is made when the app is first opened each day (7 daily, 4 weekly and 12 monthly are kept).</translation>
    </message>
    <message>
        <source>{automatic} Folder cadangan: {folder}</source>
        <translation>{automatic} Backup folder: {folder}</translation>
    </message>
    <message>
        <source>Kata sandi cadangan diatur: cadangan ke folder pilihan selalu dienkripsi dan hanya dapat dipulihkan dengan kata sandi itu. Simpan kata sandinya di tempat aman; bila hilang, cadangan tidak dapat dibuka.</source>
        <translation>A backup password is set: backups to a chosen folder are always encrypted and can only be restored with that password. Keep the password somewhere safe; if it is lost, the backups cannot be opened.</translation>
    </message>
    <message>
        <source>Tanpa kata sandi cadangan, berkas cadangan di flashdisk dapat dibuka siapa saja yang memegangnya. Atur kata sandi cadangan untuk mengenkripsinya.</source>
        <translation>Without a backup password, a backup file on a USB stick can be opened by anyone who holds it. Set a backup password to encrypt it.</translation>
    </message>
    <message>
        <source>Otomatis harian</source>
        <translation>Daily automatic</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Sebelum pembaruan</source>
        <translation>Before an update</translation>
    </message>
    <message>
        <source>Diganti saat pemulihan</source>
        <translation>Replaced by a restore</translation>
    </message>
    <message>
        <source> (terenkripsi)</source>
        <translation> (encrypted)</translation>
    </message>
    <message>
        <source>Belum ada cadangan di folder cadangan.</source>
        <translation>No backups in the backup folder yet.</translation>
    </message>
    <message>
        <source>Simpan cadangan di folder (misalnya flashdisk)</source>
        <translation>Save the backup in a folder (for example a USB stick)</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Cadangan Puskesos Desk (*.db *.enc);;Semua berkas (*)</source>
        <translation>Puskesos Desk backups (*.db *.enc);;All files (*)</translation>
    </message>
    <message>
        <source>Kata sandi cadangan</source>
        <translation>Backup password</translation>
    </message>
    <message>
        <source>sama dengan aplikasi</source>
        <translation>same as the app</translation>
    </message>
    <message>
        <source>lebih lama; diperbarui sesudah dipulihkan</source>
        <translation>older; updated after the restore</translation>
    </message>
    <message>
        <source>Berkas: {file}
Situs: {code} ({name})
Data sampai: {until}
Skema: {revision} ({schema})
Ukuran: {size}{sealed}

Seluruh basis data yang sekarang diganti dengan isi cadangan ini. Basis data yang sekarang disimpan di folder cadangan. Sesudahnya Anda keluar dan masuk lagi.</source>
        <translation>File: {file}
Site: {code} ({name})
Data up to: {until}
Schema: {revision} ({schema})
Size: {size}{sealed}

The whole current database is replaced by this backup. The current database is kept in the backup folder. Afterwards you are signed out and sign in again.</translation>
    </message>
    <message>
        <source>, terenkripsi</source>
        <translation>, encrypted</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan?</source>
        <translation>Restore from backup?</translation>
    </message>
    <message>
        <source>Kata sandi cadangan situs ini:</source>
        <translation>This site&apos;s backup password:</translation>
    </message>
    <message>
        <source>Mencadangkan basis data…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>Cadangan tersimpan: {path} ({size}).</source>
        <translation>Backup saved: {path} ({size}).</translation>
    </message>
    <message>
        <source>Kata sandi cadangan baru (kosongkan untuk menghapus kata sandi):</source>
        <translation>New backup password (leave empty to remove the password):</translation>
    </message>
    <message>
        <source>Ulangi kata sandi cadangan:</source>
        <translation>Repeat the backup password:</translation>
    </message>
    <message>
        <source>Kata sandi dan ulangannya tidak sama; tidak ada yang diubah.</source>
        <translation>The password and its repetition differ; nothing was changed.</translation>
    </message>
    <message>
        <source>Kata sandi cadangan disimpan.</source>
        <translation>Backup password saved.</translation>
    </message>
    <message>
        <source>Kata sandi cadangan dihapus.</source>
        <translation>Backup password removed.</translation>
    </message>
    <message>
        <source>Berkas ini dienkripsi. Kata sandi cadangan:</source>
        <translation>This file is encrypted. Backup password:</translation>
    </message>
    <message>
        <source>Memeriksa berkas cadangan…</source>
        <translation>Checking the backup file…</translation>
    </message>
    <message>
        <source>Pemulihan dibatalkan; tidak ada yang diubah.</source>
        <translation>Restore cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Memulihkan basis data…</source>
        <translation>Restoring the database…</translation>
    </message>
    <message>
        <source>Basis data dipulihkan. Basis data sebelumnya disimpan sebagai {path}. Silakan masuk lagi.</source>
        <translation>The database was restored. The previous database was kept as {path}. Please sign in again.</translation>
    </message>
    <message>
        <source>Pemulihan selesai</source>
        <translation>Restore finished</translation>
    </message>
</context>
<context>
    <name>BatchPackagesModel</name>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Pengirim</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Urutan</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>dapat diterapkan</source>
        <translation>can be applied</translation>
    </message>
    <message>
        <source>diterapkan</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>sudah diimpor sebelumnya</source>
        <translation>imported before</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>tidak diproses (dibatalkan)</source>
        <translation>not processed (cancelled)</translation>
    </message>
</context>
<context>
    <name>BerandaPage</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Baca ulang angka dari basis data (F5)</source>
        <translation>Read the figures from the database again (F5)</translation>
    </message>
    <message>
        <source>Keluarga terdaftar</source>
        <translation>Registered households</translation>
    </message>
    <message>
        <source>Warga terdaftar</source>
        <translation>Registered residents</translation>
    </message>
    <message>
        <source>Kunjungan hari ini</source>
        <translation>Visits today</translation>
    </message>
    <message>
        <source>Kunjungan bulan ini</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>Keluhan terbuka</source>
        <translation>Open complaints</translation>
    </message>
    <message>
        <source>Kebutuhan terbuka</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <source>Rujukan berjalan</source>
        <translation>Referrals in progress</translation>
    </message>
    <message>
        <source>Usulan DTSEN berjalan</source>
        <translation>DTSEN proposals in progress</translation>
    </message>
    <message>
        <source>Kunjungan 12 bulan terakhir</source>
        <translation>Visits in the last 12 months</translation>
    </message>
    <message>
        <source>Keluhan masuk 12 bulan terakhir</source>
        <translation>Complaints received, last 12 months</translation>
    </message>
    <message>
        <source>Rujukan menurut hasil</source>
        <translation>Referrals by outcome</translation>
    </message>
    <message>
        <source>Angka tidak dapat dimuat: {reason}</source>
        <translation>The figures could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Angka tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The figures could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>{n} lewat batas waktu</source>
        <translation>{n} past the deadline</translation>
    </message>
    <message>
        <source>tidak ada yang terlambat</source>
        <translation>none overdue</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Keluhan masuk</source>
        <translation>Complaints received</translation>
    </message>
    <message>
        <source>Terlayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Tidak terlayani</source>
        <translation>Not served</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>▲ naik {n}</source>
        <translation>▲ up {n}</translation>
    </message>
    <message>
        <source>▼ turun {n}</source>
        <translation>▼ down {n}</translation>
    </message>
    <message>
        <source>= sama</source>
        <translation>= unchanged</translation>
    </message>
    <message>
        <source>bulan lalu: {n}</source>
        <translation>last month: {n}</translation>
    </message>
    <message>
        <source>{site} · keadaan {date}, pukul {time}</source>
        <translation>{site} · as of {date}, {time}</translation>
    </message>
</context>
<context>
    <name>BreachDialog</name>
    <message>
        <source>Kebocoran data pribadi — daftar warga dan draf pemberitahuan</source>
        <translation>Personal data breach — list of residents and draft notice</translation>
    </message>
    <message>
        <source>UU 27/2022 Pasal 46: pemberitahuan tertulis kepada warga yang datanya terungkap dan kepada lembaga wajib dikirim paling lambat 3×24 jam sejak kebocoran diketahui.</source>
        <translation>UU 27/2022 (Personal Data Protection Law) Article 46: written notice to the residents whose data was exposed and to the supervisory authority must be sent within 3×24 hours of discovering the breach.</translation>
    </message>
    <message>
        <source>ID paket atau nama berkas paket</source>
        <translation>Package ID or package file name</translation>
    </message>
    <message>
        <source>Apa yang terjadi, sejauh diketahui</source>
        <translation>What happened, as far as is known</translation>
    </message>
    <message>
        <source>Mis. kata sandi semua akun diganti, melapor ke polsek</source>
        <translation>E.g. all account passwords changed, reported to the local police</translation>
    </message>
    <message>
        <source>Mis. enkripsi cadangan, pelatihan petugas</source>
        <translation>E.g. encrypt backups, train staff</translation>
    </message>
    <message>
        <source>Nama petugas, nomor telepon/WA, jam layanan</source>
        <translation>Officer&apos;s name, phone/WhatsApp number, opening hours</translation>
    </message>
    <message>
        <source>Buat daftar dan draf pemberitahuan</source>
        <translation>Create list and draft notice</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Hanya Koordinator atau Manajer SLRT yang dapat membuat pemberitahuan kebocoran data.</source>
        <translation>Only the Coordinator or the SLRT Manager can create data breach notices.</translation>
    </message>
    <message>
        <source>&amp;Diketahui pada</source>
        <translation>&amp;Discovered on</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Periode terungkap</source>
        <translation>Exposure &amp;period</translation>
    </message>
    <message>
        <source>&amp;Yang terungkap</source>
        <translation>What was e&amp;xposed</translation>
    </message>
    <message>
        <source>Pa&amp;ket</source>
        <translation>Pac&amp;kage</translation>
    </message>
    <message>
        <source>Jenis data yang terungkap</source>
        <translation>Types of data exposed</translation>
    </message>
    <message>
        <source>&amp;Uraian kejadian</source>
        <translation>&amp;Incident description</translation>
    </message>
    <message>
        <source>Upaya yang &amp;telah dilakukan</source>
        <translation>Actions &amp;taken</translation>
    </message>
    <message>
        <source>Upaya yang &amp;akan dilakukan</source>
        <translation>&amp;Actions planned</translation>
    </message>
    <message>
        <source>&amp;Kontak</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Simpan daftar dan draf pemberitahuan di…</source>
        <translation>Save the list and draft notice in…</translation>
    </message>
    <message>
        <source>Batas pemberitahuan: {moment} (3×24 jam)</source>
        <translation>Notice deadline: {moment} (3×24 hours)</translation>
    </message>
    <message>
        <source>Menyusun daftar warga terdampak…</source>
        <translation>Compiling the list of affected residents…</translation>
    </message>
    <message>
        <source>{n} warga dari {k} keluarga terdampak. Daftar: {list}. Draf pemberitahuan: {notice}. Kirim paling lambat {deadline}.</source>
        <translation>Affected residents: {n} (households: {k}). List: {list}. Draft notice: {notice}. Send by {deadline} at the latest.</translation>
    </message>
    <message>
        <source>{n} dokumen (laporan/daftar) memuat data warga tanpa daftar nama: periksa secara manual.</source>
        <translation>Documents (reports/lists) holding resident data without a list of names: {n}. Check them by hand.</translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <source>Warga datang ke kantor</source>
        <translation>Resident came to the office</translation>
    </message>
    <message>
        <source>Telepon / WhatsApp</source>
        <translation>Phone / WhatsApp</translation>
    </message>
    <message>
        <source>Kunjungan rumah</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Surat balasan</source>
        <translation>Reply letter</translation>
    </message>
    <message>
        <source>Informasi dari Sekretariat SLRT</source>
        <translation>Information from the SLRT secretariat</translation>
    </message>
    <message>
        <source>Darurat</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Segera</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ditangani</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Dirujuk</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tidak dapat ditangani</source>
        <translation>Could not be resolved</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Saran</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Keluhan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Usulan DTSEN</source>
        <translation>DTSEN proposal</translation>
    </message>
    <message>
        <source>Perubahan keluarga</source>
        <translation>Household change</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Usulan baru</source>
        <translation>New proposal</translation>
    </message>
    <message>
        <source>Perbaikan data</source>
        <translation>Data correction</translation>
    </message>
    <message>
        <source>Sanggahan</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Tambah anggota</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Keluarkan anggota</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>Ganti kepala keluarga</source>
        <translation>Change head of household</translation>
    </message>
    <message>
        <source>Pisah KK</source>
        <translation>Split KK</translation>
    </message>
    <message>
        <source>Pindah</source>
        <translation>Move away</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Teridentifikasi</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Siap musdes</source>
        <translation>Ready for musdes</translation>
    </message>
    <message>
        <source>Diajukan ke operator SIKS-NG</source>
        <translation>Submitted to the SIKS-NG operator</translation>
    </message>
    <message>
        <source>Menunggu persetujuan</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Dikirim, menunggu jawaban</source>
        <translation>Sent, awaiting reply</translation>
    </message>
    <message>
        <source>Tidak ada kabar</source>
        <translation>No reply</translation>
    </message>
</context>
<context>
    <name>ChangeDecisionDialog</name>
    <message>
        <source>Setujui {number}</source>
        <translation>Approve {number}</translation>
    </message>
    <message>
        <source>Tolak {number}</source>
        <translation>Reject {number}</translation>
    </message>
    <message>
        <source>Perubahan langsung diterapkan pada data keluarga dan riwayat keanggotaan.</source>
        <translation>The change is applied straight away to the household data and the membership history.</translation>
    </message>
    <message>
        <source>Data keluarga tidak berubah. Alasan penolakan dicatat.</source>
        <translation>The household data stays unchanged. The reason for rejection is recorded.</translation>
    </message>
    <message>
        <source>Wajib diisi bila ditolak</source>
        <translation>Required when rejecting</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Alasan permintaan</source>
        <translation>Reason for the request</translation>
    </message>
    <message>
        <source>&amp;Catatan keputusan</source>
        <translation>Decision &amp;notes</translation>
    </message>
</context>
<context>
    <name>ChangeDecisions</name>
    <message>
        <source>Setujui…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>Tolak…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Persetujuan perubahan KK dilakukan kabupaten (persetujuan di desa tidak diaktifkan).</source>
        <translation>KK changes are approved by the district (approval in the village is turned off).</translation>
    </message>
    <message>
        <source>Koordinator menyetujui atau menolak permintaan yang menunggu.</source>
        <translation>The Coordinator approves or rejects pending requests.</translation>
    </message>
    <message>
        <source>Permintaan {number} diputuskan.</source>
        <translation>Decision on request {number} recorded.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Akun {name} memakai kata sandi yang dibuat Admin. Ganti dengan kata sandi Anda sendiri sebelum mulai bekerja.</source>
        <translation>The account {name} uses a password set by the Admin. Replace it with your own password before you start work.</translation>
    </message>
    <message>
        <source>Ganti kata sandi akun {name}.</source>
        <translation>Change the password of the account {name}.</translation>
    </message>
    <message>
        <source>Minimal {n} karakter, bukan nama pengguna, bukan kata sandi umum seperti &quot;password&quot; atau &quot;12345678&quot;. Gabungan beberapa kata lebih mudah diingat dan sulit ditebak.</source>
        <translation>At least {n} characters, not the username, not a common password such as &quot;password&quot; or &quot;12345678&quot;. A few words together are easier to remember and hard to guess.</translation>
    </message>
    <message>
        <source>Simpan kata sandi</source>
        <translation>Save password</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kata sandi &amp;sekarang</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Isi kata sandi sekarang dan kata sandi baru.</source>
        <translation>Enter the current password and the new password.</translation>
    </message>
    <message>
        <source>Kedua isian kata sandi baru tidak sama.</source>
        <translation>The two new password entries do not match.</translation>
    </message>
</context>
<context>
    <name>ChangeRequestDialog</name>
    <message>
        <source>Perubahan KK — {number}</source>
        <translation>KK change — {number}</translation>
    </message>
    <message>
        <source>Desa/kota tujuan, bila diketahui</source>
        <translation>Destination village or town, if known</translation>
    </message>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Hubungan kepala keluarga &amp;lama</source>
        <translation>Former head&apos;s re&amp;lationship</translation>
    </message>
    <message>
        <source>Misalnya: menikah, bekerja di luar kota, meninggal karena sakit</source>
        <translation>For example: married, working in another town, died of an illness</translation>
    </message>
    <message>
        <source>Koordinator dapat menyetujui permintaan ini di desa.</source>
        <translation>The Coordinator can approve this request in the village.</translation>
    </message>
    <message>
        <source>Permintaan ini menunggu persetujuan kabupaten melalui pertukaran data.</source>
        <translation>This request awaits approval by the district through data exchange.</translation>
    </message>
    <message>
        <source>&amp;Anggota</source>
        <translation>&amp;Member</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>T&amp;ujuan pindah</source>
        <translation>Moving t&amp;o</translation>
    </message>
    <message>
        <source>Kepala keluarga &amp;baru</source>
        <translation>&amp;New head of household</translation>
    </message>
    <message>
        <source>&amp;Jenis perubahan</source>
        <translation>&amp;Type of change</translation>
    </message>
    <message>
        <source>A&amp;lasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak valid (hari/bulan/tahun).</source>
        <translation>Invalid date of birth (day/month/year).</translation>
    </message>
    <message>
        <source>Tanggal tidak valid (hari/bulan/tahun).</source>
        <translation>Invalid date (day/month/year).</translation>
    </message>
</context>
<context>
    <name>ChangeRequestsTableModel</name>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{n} anggota</source>
        <translation>{n} members</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Catat keluhan — {number}</source>
        <translation>Record complaint — {number}</translation>
    </message>
    <message>
        <source>Dari kunjungan {number}: {purpose}</source>
        <translation>From visit {number}: {purpose}</translation>
    </message>
    <message>
        <source>Tanpa kunjungan</source>
        <translation>No visit</translation>
    </message>
    <message>
        <source>(seluruh keluarga)</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <source>Tuliskan keluhan dengan kata-kata warga</source>
        <translation>Write the complaint in the resident&apos;s own words</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Warga</source>
        <translation>&amp;Resident</translation>
    </message>
    <message>
        <source>&amp;Kategori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>&amp;Program terkait</source>
        <translation>Related &amp;programme</translation>
    </message>
    <message>
        <source>&amp;Urgensi</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>U&amp;raian</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Jatuh tempo: {n} hari kerja</source>
        <translation>Deadline: {n} working days</translation>
    </message>
</context>
<context>
    <name>ComplaintStatusDialog</name>
    <message>
        <source>Ubah status keluhan {number}</source>
        <translation>Change status of complaint {number}</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Keluhan ini sudah ditutup dan tidak dapat diubah lagi. Bila masalahnya muncul lagi, catat sebagai keluhan baru di Layanan.</source>
        <translation>This complaint is closed and can no longer be changed. If the problem comes back, record it as a new complaint in the Service desk.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan perubahan status (Ctrl+S)</source>
        <translation>Save the status change (Ctrl+S)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status sekarang</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Status &amp;baru</source>
        <translation>&amp;New status</translation>
    </message>
    <message>
        <source>&amp;Cara tindak lanjut</source>
        <translation>&amp;Follow-up method</translation>
    </message>
    <message>
        <source>&amp;Alasan (wajib)</source>
        <translation>&amp;Reason (required)</translation>
    </message>
    <message>
        <source>&amp;Jawaban atau hasil (wajib)</source>
        <translation>&amp;Answer or outcome (required)</translation>
    </message>
    <message>
        <source>C&amp;atatan (boleh kosong)</source>
        <translation>N&amp;otes (optional)</translation>
    </message>
    <message>
        <source>Tuliskan jawaban, hasil, atau alasannya sebelum menutup keluhan.</source>
        <translation>Write the answer, outcome or reason before closing the complaint.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>Cari nomor, nama keluarga, atau isi keluhan</source>
        <translation>Search by number, household name or complaint text</translation>
    </message>
    <message>
        <source>Cari keluhan</source>
        <translation>Search complaints</translation>
    </message>
    <message>
        <source>Saring menurut status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Semua yang masih terbuka</source>
        <translation>All open</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Daftar keluhan</source>
        <translation>Complaint list</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Buka keluarga</source>
        <translation>Open household</translation>
    </message>
    <message>
        <source>Ubah status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Hanya Koordinator dan Petugas BO yang dapat mengubah status keluhan.</source>
        <translation>Only the Coordinator and Back Office Officers can change the status of a complaint.</translation>
    </message>
    <message>
        <source>Menampilkan {n} keluhan terbaru. Persempit pencarian untuk melihat yang lain.</source>
        <translation>Showing the {n} most recent complaints. Narrow the search to see others.</translation>
    </message>
    <message numerus="yes">
        <source>%n keluhan</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message>
        <source>Daftar keluhan tidak dapat dimuat: {reason}</source>
        <translation>The complaint list could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Daftar keluhan tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The complaint list could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>{number} · {household}: {description}</source>
        <translation>{number} · {household}: {description}</translation>
    </message>
    <message>
        <source>Jawaban/hasil: {answer}</source>
        <translation>Answer/outcome: {answer}</translation>
    </message>
    <message>
        <source>Ditutup {date} oleh {who}</source>
        <translation>Closed on {date} by {who}</translation>
    </message>
</context>
<context>
    <name>ComplaintsTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Dicatat</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>{date} (terlambat {n} hari kerja)</source>
        <translation>{date} ({n} working days overdue)</translation>
    </message>
</context>
<context>
    <name>ConfirmCard</name>
    <message>
        <source>Ketik NIK, nomor KK, atau nama. Ringkasan orang yang dipilih tampil di sini.</source>
        <translation>Type a NIK, KK number or name. A summary of the selected person appears here.</translation>
    </message>
    <message>
        <source>Buka keluarga (Enter)</source>
        <translation>Open household (Enter)</translation>
    </message>
    <message>
        <source>Daftarkan dari data DTSEN</source>
        <translation>Register from DTSEN data</translation>
    </message>
    <message>
        <source>Lahir {year}</source>
        <translation>Born {year}</translation>
    </message>
    <message>
        <source>Tahun lahir ?</source>
        <translation>Year of birth unknown</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>RT {rt} / RW {rw}</source>
        <translation>RT {rt} / RW {rw}</translation>
    </message>
    <message>
        <source>NIK {nik}</source>
        <translation>NIK {nik}</translation>
    </message>
    <message>
        <source>Tanpa NIK</source>
        <translation>No NIK</translation>
    </message>
    <message>
        <source>Keluarga {number}</source>
        <translation>Household {number}</translation>
    </message>
    <message>
        <source>No. KK {kk}</source>
        <translation>KK no. {kk}</translation>
    </message>
    <message>
        <source>Terdaftar di Puskesos</source>
        <translation>Registered at Puskesos</translation>
    </message>
    <message>
        <source>Belum terdaftar di Puskesos</source>
        <translation>Not yet registered at Puskesos</translation>
    </message>
    <message>
        <source>Tidak ada di data DTSEN/DTKS yang aktif</source>
        <translation>Not in the active DTSEN/DTKS data</translation>
    </message>
    <message>
        <source>Program menurut {dataset}: {programs}</source>
        <translation>Programmes according to {dataset}: {programs}</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Ditemukan lewat: {how}</source>
        <translation>Found by: {how}</translation>
    </message>
    <message>
        <source>Daftarkan dari data {dataset}</source>
        <translation>Register from {dataset} data</translation>
    </message>
    <message>
        <source>Ada di data {dataset} (per tanggal {date})</source>
        <translation>In {dataset} data (as of {date})</translation>
    </message>
    <message>
        <source>Ada di data {dataset} (desil {desil}, per tanggal {date})</source>
        <translation>In {dataset} data (decile {desil}, as of {date})</translation>
    </message>
</context>
<context>
    <name>ConsolidatedTableModel</name>
    <message>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kepala keluarga</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>No. keluarga</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <source>Keberadaan</source>
        <translation>Residence status</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Cara datang</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>PPKS</source>
        <translation>PPKS</translation>
    </message>
    <message>
        <source>Program diusulkan</source>
        <translation>Proposed programme</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Program diminta</source>
        <translation>Requested programmes</translation>
    </message>
    <message>
        <source>Nomor surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>Tanggal surat</source>
        <translation>Letter date</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Memuat data…</source>
        <translation>Loading data…</translation>
    </message>
    <message>
        <source>Salah ketik</source>
        <translation>Typing error</translation>
    </message>
    <message>
        <source>Sesuai KTP/KK terbaru</source>
        <translation>As on the latest KTP/KK</translation>
    </message>
    <message>
        <source>Permintaan warga</source>
        <translation>Resident&apos;s request</translation>
    </message>
    <message>
        <source>Wajib: mengapa data ini dikoreksi</source>
        <translation>Required: why this data is corrected</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>&amp;Alasan koreksi</source>
        <translation>&amp;Reason for correction</translation>
    </message>
    <message>
        <source>Data tidak dapat dikoreksi.</source>
        <translation>The data could not be corrected.</translation>
    </message>
    <message>
        <source>Tuliskan alasan koreksi, misalnya &quot;salah ketik&quot;.</source>
        <translation>Write the reason for the correction, for example &quot;typing error&quot;.</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Server basis data</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>Pakai server PostgreSQL bila beberapa komputer di satu kantor (misalnya sekretariat SLRT atau kecamatan) bekerja pada data yang sama. Satu komputer di desa cukup memakai berkas lokal. Server disiapkan oleh petugas TI kabupaten; panduannya ada di {guide}.</source>
        <translation>Use a PostgreSQL server when several computers in one office (e.g. an SLRT secretariat or kecamatan) work on the same data. One village computer only needs the local file. The district IT officer sets up the server; the guide is in {guide}.</translation>
    </message>
    <message>
        <source>Variabel lingkungan PUSKESOS_DB diisi: aplikasi memakai basis data itu, bukan pengaturan di sini.</source>
        <translation>The PUSKESOS_DB environment variable is set: the app uses that database, not the setting here.</translation>
    </message>
    <message>
        <source>(tersimpan; kosongkan bila tidak diubah)</source>
        <translation>(stored; leave empty to keep it)</translation>
    </message>
    <message>
        <source>Uji koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Pakai berkas lokal</source>
        <translation>Use local file</translation>
    </message>
    <message>
        <source>Lupakan server ini; komputer ini kembali memakai berkas basis data di komputer sendiri.</source>
        <translation>Forget this server; this computer goes back to the database file on its own disk.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Server (nama atau alamat IP):</source>
        <translation>Server (name or IP address):</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Nama basis data:</source>
        <translation>Database name:</translation>
    </message>
    <message>
        <source>Pengguna:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Tersimpan untuk pengguna Windows ini: berkas lokal (tanpa server).</source>
        <translation>Stored for this Windows user: local file (no server).</translation>
    </message>
    <message>
        <source>Tersimpan untuk pengguna Windows ini: server {where}, pengguna {user}.</source>
        <translation>Stored for this Windows user: server {where}, user {user}.</translation>
    </message>
    <message>
        <source>Menghubungi server {where}…</source>
        <translation>Contacting server {where}…</translation>
    </message>
    <message>
        <source>Terhubung: {version}.</source>
        <translation>Connected: {version}.</translation>
    </message>
    <message>
        <source>Gagal terhubung: {message}</source>
        <translation>Connection failed: {message}</translation>
    </message>
    <message>
        <source>Pengaturan tidak dapat ditulis: {error}</source>
        <translation>The settings cannot be written: {error}</translation>
    </message>
    <message>
        <source>Server basis data tersimpan</source>
        <translation>Database server saved</translation>
    </message>
    <message>
        <source>Komputer ini akan memakai server {where} saat aplikasi dibuka lagi. Selesaikan dan simpan pekerjaan yang sedang terbuka, lalu keluar dan buka kembali aplikasi kapan saja.</source>
        <translation>This computer will use server {where} when the app is opened again. Finish and save the open work, then quit and reopen the app whenever convenient.</translation>
    </message>
    <message>
        <source>Pakai berkas lokal?</source>
        <translation>Use the local file?</translation>
    </message>
    <message>
        <source>Komputer ini akan kembali memakai berkas basis data di komputer sendiri. Data di server tidak dihapus, tetapi tidak terlihat di komputer ini sampai server dipilih lagi. Lanjutkan?</source>
        <translation>This computer will go back to the database file on its own disk. Data on the server is not deleted, but is not visible on this computer until the server is chosen again. Continue?</translation>
    </message>
    <message>
        <source>Pengaturan tidak dapat dihapus: {error}</source>
        <translation>The settings cannot be removed: {error}</translation>
    </message>
    <message>
        <source>Berkas lokal</source>
        <translation>Local file</translation>
    </message>
    <message>
        <source>Berkas lokal dipakai saat aplikasi dibuka lagi.</source>
        <translation>The local file is used when the app is opened again.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>hh/bb/tttt</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Ketik tanggal sebagai hari/bulan/tahun, misalnya 17082026</source>
        <translation>Type the date as day/month/year, for example 17082026</translation>
    </message>
</context>
<context>
    <name>DialogRunner</name>
    <message>
        <source>Data sudah berubah</source>
        <translation>The data has changed</translation>
    </message>
    <message>
        <source>Muat ulang data keluarga sekarang?</source>
        <translation>Reload the household data now?</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Komputer ini siap melayani warga.</source>
        <translation>This computer is ready to serve residents.</translation>
    </message>
    <message>
        <source>&amp;Mulai</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Setiap langkah dapat diulang di Pengaturan: Bahasa tampilan, Surat dan kop, Akun pengguna, Kertas dan printer; ekstrak DTSEN di Pertukaran Data → Data DTSEN.</source>
        <translation>Every step can be repeated in Settings: Display language, Letters and letterhead, User accounts, Paper and printer; the DTSEN extract in Data exchange → DTSEN data.</translation>
    </message>
    <message>
        <source>Situs</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Akun Admin</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <source>Akun petugas</source>
        <translation>Officer accounts</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Kabupaten/kota tepercaya</source>
        <translation>Trusted district/city</translation>
    </message>
    <message>
        <source>Kertas dan printer</source>
        <translation>Paper and printer</translation>
    </message>
    <message>
        <source>Data DTSEN</source>
        <translation>DTSEN data</translation>
    </message>
    <message>
        <source>{dataset} dimuat</source>
        <translation>{dataset} loaded</translation>
    </message>
    <message>
        <source>belum dimuat</source>
        <translation>not loaded yet</translation>
    </message>
    <message>
        <source>Belum ada akun petugas. Admin tidak dapat melayani warga: setelah masuk sebagai Admin, buat akun petugas di Pengaturan → Akun pengguna.</source>
        <translation>There are no officer accounts yet. The Admin cannot serve residents: after signing in as Admin, create officer accounts in Settings → User accounts.</translation>
    </message>
    <message>
        <source>Tekan Mulai, lalu masuk. Petugas masuk dengan akun masing-masing dan kata sandi sementara dari daftar, lalu memilih kata sandi sendiri. Admin ({admin}) masuk untuk mengurus akun dan pengaturan.</source>
        <translation>Press Start, then sign in. Officers sign in with their own accounts and the temporary password from the list, then choose their own password. The Admin ({admin}) signs in to manage accounts and settings.</translation>
    </message>
</context>
<context>
    <name>DtsenPage</name>
    <message>
        <source>Ekstrak DTSEN/DTKS dari Dinas Sosial kabupaten/kota dipakai untuk menjawab pertanyaan pertama warga — terdaftar di DTSEN? desil berapa? — tanpa internet. Impor ekstrak terbaru setiap kali Dinas Sosial mengirimnya; ekstrak lama diganti seluruhnya.</source>
        <translation>The DTSEN/DTKS extract from the district social affairs office answers a resident&apos;s first question — in DTSEN? which decile? — without internet. Import the latest extract each time the office sends one; the old extract is replaced completely.</translation>
    </message>
    <message>
        <source>Ekstrak yang dipakai</source>
        <translation>Extract in use</translation>
    </message>
    <message>
        <source>Belum ada ekstrak yang diimpor. Pencarian dan pemeriksaan DTSEN baru bisa dipakai setelah ekstrak dari Dinas Sosial diimpor.</source>
        <translation>No extract has been imported yet. DTSEN search and checks work once an extract from the social affairs office is imported.</translation>
    </message>
    <message>
        <source>Impor ekstrak…</source>
        <translation>Import extract…</translation>
    </message>
    <message>
        <source>Cek semua keluarga…</source>
        <translation>Check all households…</translation>
    </message>
    <message>
        <source>Bandingkan setiap keluarga terdaftar dengan ekstrak dan simpan hasilnya sebagai berkas Excel</source>
        <translation>Compare every registered household with the extract and save the result as an Excel file</translation>
    </message>
    <message>
        <source>Tulis NIK dan No. KK lengkap</source>
        <translation>Write full NIK and KK numbers</translation>
    </message>
    <message>
        <source>Tanpa centang, NIK dan No. KK disamarkan di berkas hasil pemeriksaan.</source>
        <translation>Unticked, NIK and KK numbers are masked in the result file.</translation>
    </message>
    <message>
        <source>Riwayat impor</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>Riwayat impor ekstrak</source>
        <translation>Extract import history</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <source>Keadaan per:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>Umur data:</source>
        <translation>Data age:</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Diimpor:</source>
        <translation>Imported:</translation>
    </message>
    <message>
        <source>Baris:</source>
        <translation>Rows:</translation>
    </message>
    <message>
        <source>Pilih ekstrak DTSEN/DTKS dari Dinas Sosial</source>
        <translation>Choose the DTSEN/DTKS extract from the social affairs office</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Simpan hasil pemeriksaan DTSEN</source>
        <translation>Save the DTSEN check result</translation>
    </message>
    <message>
        <source>{when} oleh {who}</source>
        <translation>{when} by {who}</translation>
    </message>
    <message>
        <source>{n} baris warga desa ini</source>
        <translation>{n} rows of this village&apos;s residents</translation>
    </message>
    <message>
        <source>Akun Anda tidak berwenang untuk tindakan ini.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>Ekstrak {dataset} per {date} dari {file} sekarang dipakai untuk pencarian dan pemeriksaan.</source>
        <translation>The {dataset} extract as of {date} from {file} is now used for search and checks.</translation>
    </message>
    <message>
        <source>Memeriksa semua keluarga terhadap data {dataset}</source>
        <translation>Checking all households against the {dataset} data</translation>
    </message>
    <message>
        <source>Hasil pemeriksaan tersimpan: {path}
{households} keluarga diperiksa · {missing} anggota tidak ada di DTSEN · {different} data berbeda · {low} keluarga desil 1–5 tanpa bansos tercatat</source>
        <translation>Check result saved: {path}
{households} households checked · {missing} members not in DTSEN · {different} differences · {low} decile 1–5 households without recorded aid</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Check cancelled; no file was made.</translation>
    </message>
    <message>
        <source>Pemeriksaan gagal karena kesalahan sistem.</source>
        <translation>The check failed because of a system error.</translation>
    </message>
</context>
<context>
    <name>DuplicatesTableModel</name>
    <message>
        <source>Kecocokan</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Kiri: nama</source>
        <translation>Left: name</translation>
    </message>
    <message>
        <source>Kiri: NIK</source>
        <translation>Left: NIK</translation>
    </message>
    <message>
        <source>Kiri: lahir</source>
        <translation>Left: born</translation>
    </message>
    <message>
        <source>Kiri: desa</source>
        <translation>Left: village</translation>
    </message>
    <message>
        <source>Kiri: no. keluarga</source>
        <translation>Left: household no.</translation>
    </message>
    <message>
        <source>Kanan: nama</source>
        <translation>Right: name</translation>
    </message>
    <message>
        <source>Kanan: NIK</source>
        <translation>Right: NIK</translation>
    </message>
    <message>
        <source>Kanan: lahir</source>
        <translation>Right: born</translation>
    </message>
    <message>
        <source>Kanan: desa</source>
        <translation>Right: village</translation>
    </message>
    <message>
        <source>Kanan: no. keluarga</source>
        <translation>Right: household no.</translation>
    </message>
    <message>
        <source>NIK sama</source>
        <translation>Same NIK</translation>
    </message>
    <message>
        <source>Nama dan tanggal lahir sama</source>
        <translation>Same name and birth date</translation>
    </message>
    <message>
        <source>Disarankan dipertahankan: data ini yang terakhir diubah.</source>
        <translation>Suggested to keep: this record was changed most recently.</translation>
    </message>
</context>
<context>
    <name>EncryptionSettings</name>
    <message>
        <source>Enkripsi basis data</source>
        <translation>Database encryption</translation>
    </message>
    <message>
        <source>Bila diaktifkan, seluruh berkas basis data dan cadangannya dienkripsi; komputer atau flashdisk yang hilang tidak membuka data warga. Setiap kali aplikasi dibuka, frasa sandi basis data diminta. Lembar kunci pemulihan disimpan Sekretariat SLRT kabupaten/kota.</source>
        <translation>When enabled, the whole database file and its backups are encrypted; a lost PC or USB stick does not reveal residents&apos; data. The database passphrase is asked each time the app opens. The district SLRT secretariat keeps the recovery key sheet.</translation>
    </message>
    <message>
        <source>Aktifkan enkripsi…</source>
        <translation>Enable encryption…</translation>
    </message>
    <message>
        <source>Ganti frasa sandi…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Simpan lembar kunci pemulihan…</source>
        <translation>Save the recovery key sheet…</translation>
    </message>
    <message>
        <source>Basis data di server PostgreSQL: perlindungannya diatur di server (enkripsi disk dan hak akses), bukan di sini.</source>
        <translation>The database is on a PostgreSQL server: its protection is set up on the server (disk encryption and access rights), not here.</translation>
    </message>
    <message>
        <source>Terenkripsi. ID kunci: {key_id}. Berkas kunci: {key_file}</source>
        <translation>Encrypted. Key ID: {key_id}. Key file: {key_file}</translation>
    </message>
    <message>
        <source>Tidak terenkripsi: berkas basis data dapat dibaca siapa pun yang menyalinnya dengan alat SQLite biasa.</source>
        <translation>Not encrypted: anyone who copies the database file can read it with ordinary SQLite tools.</translation>
    </message>
    <message>
        <source>Frasa sandi baru (minimal 10 karakter; beberapa kata lebih mudah diingat):</source>
        <translation>New passphrase (at least 10 characters; a few words are easier to remember):</translation>
    </message>
    <message>
        <source>Ulangi frasa sandi baru:</source>
        <translation>Repeat the new passphrase:</translation>
    </message>
    <message>
        <source>Kedua isian frasa sandi tidak sama; tidak ada yang diubah.</source>
        <translation>The two passphrases differ; nothing was changed.</translation>
    </message>
    <message>
        <source>Simpan lembar kunci pemulihan</source>
        <translation>Save the recovery key sheet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Aktifkan enkripsi basis data</source>
        <translation>Enable database encryption</translation>
    </message>
    <message>
        <source>Setelah diaktifkan, basis data hanya terbuka dengan frasa sandi basis data, atau dengan lembar kunci pemulihan yang akan Anda simpan sekarang.

BILA FRASA SANDI DAN LEMBAR KUNCI PEMULIHAN SAMA-SAMA HILANG, DATA TIDAK DAPAT DIBUKA LAGI OLEH SIAPA PUN.

Cadangan lama yang belum terenkripsi dan sisa berkas lama di disk tidak ikut terhapus. Aplikasi akan ditutup setelah selesai. Lanjutkan?</source>
        <translation>Once enabled, the database opens only with the database passphrase, or with the recovery key sheet you are about to save.

IF BOTH THE PASSPHRASE AND THE RECOVERY KEY SHEET ARE LOST, NOBODY CAN EVER OPEN THE DATA AGAIN.

Older unencrypted backups and remnants of the old file on the disk are not erased. The app closes when it is done. Continue?</translation>
    </message>
    <message>
        <source>Enkripsi basis data aktif</source>
        <translation>Database encryption enabled</translation>
    </message>
    <message>
        <source>Basis data kini terenkripsi (ID kunci {key_id}). Lembar kunci pemulihan tersimpan di {sheet}: cetak, masukkan ke amplop bersegel, serahkan ke Sekretariat SLRT kabupaten/kota, lalu hapus berkasnya dari komputer ini.

Aplikasi sekarang ditutup. Buka lagi dan masukkan frasa sandi basis data.</source>
        <translation>The database is now encrypted (key ID {key_id}). The recovery key sheet was saved to {sheet}: print it, seal it in an envelope, hand it to the district SLRT secretariat, then delete the file from this PC.

The app now closes. Open it again and enter the database passphrase.</translation>
    </message>
    <message>
        <source>Ganti frasa sandi basis data</source>
        <translation>Change the database passphrase</translation>
    </message>
    <message>
        <source>Frasa sandi basis data saat ini:</source>
        <translation>Current database passphrase:</translation>
    </message>
    <message>
        <source>Frasa sandi diganti</source>
        <translation>Passphrase changed</translation>
    </message>
    <message>
        <source>Frasa sandi basis data diganti. Lembar kunci pemulihan yang lama tetap berlaku (ID kunci {key_id}).</source>
        <translation>The database passphrase was changed. The existing recovery key sheet stays valid (key ID {key_id}).</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Terjadi kesalahan — Puskesos Desk</source>
        <translation>An error occurred — Puskesos Desk</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan aman. Jika kesalahan ini terulang, tekan &quot;Salin laporan&quot; dan kirimkan laporan itu kepada operator kabupaten.</source>
        <translation>An unexpected error occurred. Work that was already saved is safe. If this error happens again, press &quot;Copy report&quot; and send the report to the district operator.</translation>
    </message>
    <message>
        <source>Catatan lengkap tersimpan di berkas log:
{path}</source>
        <translation>The full record is in the log file:
{path}</translation>
    </message>
    <message>
        <source>Tampilkan rincian</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Salin laporan</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sembunyikan rincian</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Laporan sudah disalin. Tempelkan ke pesan atau surel.</source>
        <translation>Report copied. Paste it into a message or an e-mail.</translation>
    </message>
    <message>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>ExchangeLabels</name>
    <message>
        <source>Keluar</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Desa → kabupaten</source>
        <translation>Village → district</translation>
    </message>
    <message>
        <source>Kabupaten → desa</source>
        <translation>District → village</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Diterima penerima</source>
        <translation>Received by recipient</translation>
    </message>
    <message>
        <source>Diterapkan</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Diubah di luar aplikasi</source>
        <translation>Edited outside the app</translation>
    </message>
</context>
<context>
    <name>ExportAllPanel</name>
    <message>
        <source>Paket balasan untuk semua desa/kelurahan</source>
        <translation>Return packages for all villages</translation>
    </message>
    <message>
        <source>Satu paket bertanda tangan untuk setiap desa/kelurahan tepercaya, ditulis ke satu folder dengan nama KODE-paket-NOMOR.xlsx. Desa yang paketnya gagal dibuat disebutkan; paket desa lain tetap dibuat.</source>
        <translation>One signed package for every trusted village, written to one folder as CODE-paket-NUMBER.xlsx. Villages whose package cannot be made are listed; the other villages&apos; packages are still made.</translation>
    </message>
    <message>
        <source>Kirim ke semua desa…</source>
        <translation>Send to all villages…</translation>
    </message>
    <message>
        <source>Paket untuk semua desa</source>
        <translation>Packages for all villages</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Folder untuk paket semua desa</source>
        <translation>Folder for the packages of all villages</translation>
    </message>
    <message>
        <source>Membuat paket untuk semua desa</source>
        <translation>Making packages for all villages</translation>
    </message>
    <message>
        <source>Paket tidak dapat dibuat karena kesalahan sistem.</source>
        <translation>The packages could not be made because of a system error.</translation>
    </message>
    <message numerus="yes">
        <source>%n paket dibuat di {folder}.</source>
        <translation>
            <numerusform>%n package made in {folder}.</numerusform>
            <numerusform>%n packages made in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n desa gagal; lihat keterangannya di tabel.</source>
        <translation>
            <numerusform>%n village failed; see the notes in the table.</numerusform>
            <numerusform>%n villages failed; see the notes in the table.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dibatalkan: %n desa belum dibuatkan paket.</source>
        <translation>
            <numerusform>Cancelled: %n village has no package yet.</numerusform>
            <numerusform>Cancelled: %n villages have no package yet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paket dilindungi kata sandi: beritahukan kata sandinya kepada setiap desa lewat telepon atau langsung, jangan bersama berkasnya.</source>
        <translation>The packages are password-protected: tell each village the password by phone or in person, never together with the file.</translation>
    </message>
    <message>
        <source>Paket ke-{sequence}</source>
        <translation>Package no. {sequence}</translation>
    </message>
    <message>
        <source>Gagal: {reason}</source>
        <translation>Failed: {reason}</translation>
    </message>
    <message>
        <source>%v dari %m desa</source>
        <translation>%v of %m villages</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>Desa/kelurahan tujuan</source>
        <translation>Receiving village</translation>
    </message>
    <message>
        <source>Semua data (lengkap)</source>
        <translation>All data (full)</translation>
    </message>
    <message>
        <source>Tanpa centang, paket hanya berisi data yang dicatat, diubah atau dihapus sejak paket terakhir yang sudah diterima penerima. Centang bila penerima kehilangan data atau baru mulai memakai aplikasi.</source>
        <translation>When unticked, the package holds only data recorded, changed or deleted since the last package the recipient received. Tick it if the recipient has lost data or has just started using the app.</translation>
    </message>
    <message>
        <source>Boleh kosong, misalnya: laporan bulanan November</source>
        <translation>Optional, for example: November monthly report</translation>
    </message>
    <message>
        <source>Keperluan pengiriman</source>
        <translation>Purpose of sending</translation>
    </message>
    <message>
        <source>Buat paket…</source>
        <translation>Create package…</translation>
    </message>
    <message>
        <source>Paket berisi data pribadi warga. Kirim hanya kepada penerima yang berhak, dan hapus salinan di flashdisk atau ponsel setelah diimpor.</source>
        <translation>The package contains residents&apos; personal data. Send it only to authorised recipients, and delete the copies on flash drives or phones once it has been imported.</translation>
    </message>
    <message>
        <source>Bila penerima ingin memastikan berkasnya utuh, cocokkan sidik SHA-256 ini lewat telepon.</source>
        <translation>If the recipient wants to make sure the file is intact, compare this SHA-256 fingerprint by phone.</translation>
    </message>
    <message>
        <source>Berkas ini dilindungi kata sandi. Beritahukan kata sandinya kepada penerima lewat jalur lain (telepon atau langsung), jangan di flashdisk atau surel yang sama dengan berkasnya.</source>
        <translation>This file is password-protected. Tell the receiver the password by another channel (phone or in person), never on the same USB stick or in the same e-mail as the file.</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Situs ini:</source>
        <translation>This site:</translation>
    </message>
    <message>
        <source>Penerima:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>Isi paket:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <source>Keperluan:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>Perlindungan:</source>
        <translation>Protection:</translation>
    </message>
    <message>
        <source>Sekretariat SLRT kabupaten/kota {code}</source>
        <translation>District SLRT secretariat {code}</translation>
    </message>
    <message>
        <source>Kartu situs kabupaten/kota ini belum dipercaya. Paket tetap dapat dibuat, tetapi paket balasannya baru dapat diimpor setelah kartu situsnya dipercaya (Pengaturan).</source>
        <translation>This district&apos;s site card is not trusted yet. The package can still be created, but its reply package can only be imported once the site card is trusted (Settings).</translation>
    </message>
    <message>
        <source>Belum ada desa/kelurahan tepercaya. Percayai kartu situs desa terlebih dahulu (Pengaturan → Situs tepercaya).</source>
        <translation>No trusted villages yet. Trust a village&apos;s site card first (Settings → Trusted sites).</translation>
    </message>
    <message>
        <source>Penerima paket tidak dapat dimuat: {reason}</source>
        <translation>The package recipients could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>kesalahan sistem</source>
        <translation>system error</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang membuat paket data. Minta Koordinator atau operator yang berwenang membuatnya.</source>
        <translation>This account is not allowed to create data packages. Ask the Coordinator or an authorised operator to create it.</translation>
    </message>
    <message>
        <source>Simpan paket pertukaran data</source>
        <translation>Save data exchange package</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Membuat paket {name}</source>
        <translation>Creating package {name}</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Export cancelled; no file was created.</translation>
    </message>
    <message>
        <source>Paket tidak dapat dibuat karena kesalahan sistem.</source>
        <translation>The package could not be created because of a system error.</translation>
    </message>
    <message>
        <source>semua data</source>
        <translation>all data</translation>
    </message>
    <message>
        <source>perubahan sejak paket terakhir</source>
        <translation>changes since the last package</translation>
    </message>
    <message>
        <source>Paket ke-{sequence} untuk {receiver} sudah dibuat ({scope}).</source>
        <translation>Package no. {sequence} for {receiver} has been created ({scope}).</translation>
    </message>
    <message numerus="yes">
        <source>%n baris</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Lembar tanpa baris: {sheets}</source>
        <translation>Sheets with no rows: {sheets}</translation>
    </message>
    <message>
        <source>Berkas: {path}</source>
        <translation>File: {path}</translation>
    </message>
</context>
<context>
    <name>ExtractAgeLabel</name>
    <message>
        <source>Belum ada data DTSEN/DTKS: pencarian hanya di data Puskesos</source>
        <translation>No DTSEN/DTKS data yet: searching Puskesos data only</translation>
    </message>
    <message>
        <source>Data {dataset} per {date} · {age}</source>
        <translation>{dataset} data as of {date} · {age}</translation>
    </message>
    <message>
        <source>perlu diperbarui</source>
        <translation>needs updating</translation>
    </message>
    <message>
        <source>Umur data: {age}
Berkas {file}, diimpor oleh {who}</source>
        <translation>Data age: {age}
File {file}, imported by {who}</translation>
    </message>
</context>
<context>
    <name>ExtractAgeText</name>
    <message>
        <source>kurang dari 1 bulan</source>
        <translation>less than 1 month</translation>
    </message>
    <message numerus="yes">
        <source>%n bulan</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <source>lebih dari 4 bulan: minta ekstrak terbaru ke Dinas Sosial (DTSEN diperbarui tiap triwulan)</source>
        <translation>more than 4 months: ask the social affairs office for the latest extract (DTSEN is updated quarterly)</translation>
    </message>
</context>
<context>
    <name>ExtractBatchesTableModel</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Keadaan per</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Diimpor</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Dipakai</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Diganti</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Diganti oleh ekstrak yang lebih baru; baris-barisnya sudah dihapus.</source>
        <translation>Replaced by a newer extract; its rows have been deleted.</translation>
    </message>
</context>
<context>
    <name>ExtractComparisonTableModel</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ejaan nama</source>
        <translation>Name spelling</translation>
    </message>
    <message>
        <source>Tgl lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Keberadaan</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <source>No. KK + nama</source>
        <translation>KK no. + name</translation>
    </message>
    <message>
        <source>Nama + tgl lahir</source>
        <translation>Name + date of birth</translation>
    </message>
    <message>
        <source>Nama di Puskesos</source>
        <translation>Name at the Puskesos</translation>
    </message>
    <message>
        <source>Di data DTSEN</source>
        <translation>In the DTSEN data</translation>
    </message>
    <message>
        <source>Cocok lewat</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <source>Program di data</source>
        <translation>Programmes in the data</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Perbedaan</source>
        <translation>Differences</translation>
    </message>
    <message>
        <source>Hanya di data</source>
        <translation>Only in the data</translation>
    </message>
    <message>
        <source>Tidak ada di data</source>
        <translation>Not in the data</translation>
    </message>
    <message>
        <source>Tidak tinggal di sini</source>
        <translation>Does not live here</translation>
    </message>
    <message>
        <source>Berbeda</source>
        <translation>Different</translation>
    </message>
    <message>
        <source>Sama</source>
        <translation>Same</translation>
    </message>
    <message>
        <source>{field}: {here} ≠ {extract}</source>
        <translation>{field}: {here} ≠ {extract}</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Tercatat di keluarga ini di data DTSEN, tetapi tidak tercatat di Puskesos.</source>
        <translation>Listed in this family in the DTSEN data, but not recorded at the Puskesos.</translation>
    </message>
    <message>
        <source>Tinggal di rumah ini tetapi tidak ada di data: usulkan ke DTSEN.</source>
        <translation>Lives in this household but is not in the data: propose them to DTSEN.</translation>
    </message>
    <message>
        <source>NIK {nik}</source>
        <translation>NIK {nik}</translation>
    </message>
    <message>
        <source>tanpa NIK</source>
        <translation>no NIK</translation>
    </message>
    <message>
        <source>lahir {date}</source>
        <translation>born {date}</translation>
    </message>
    <message>
        <source>No. KK {kk}</source>
        <translation>KK no. {kk}</translation>
    </message>
    <message>
        <source>Di data: {details}</source>
        <translation>In the data: {details}</translation>
    </message>
</context>
<context>
    <name>ExtractImportDialog</name>
    <message>
        <source>Impor ekstrak DTSEN/DTKS</source>
        <translation>Import DTSEN/DTKS extract</translation>
    </message>
    <message>
        <source>Dikenali dari kolom desil: ada desil berarti DTSEN</source>
        <translation>Recognised from the decile column: a decile means DTSEN</translation>
    </message>
    <message>
        <source>— isi tanggal —</source>
        <translation>— enter a date —</translation>
    </message>
    <message>
        <source>Keadaan data per tanggal</source>
        <translation>Data as of date</translation>
    </message>
    <message>
        <source>Periksa kolom-kolom berkas: pilih isian yang benar bila keliru. Kolom yang tidak dikenal diabaikan.</source>
        <translation>Check the file&apos;s columns: choose the right field where one is wrong. Unknown columns are ignored.</translation>
    </message>
    <message>
        <source>Pemetaan kolom</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Pesan pemeriksaan berkas</source>
        <translation>File check messages</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lembar:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Baris data:</source>
        <translation>Data rows:</translation>
    </message>
    <message>
        <source>Jenis data:</source>
        <translation>Dataset:</translation>
    </message>
    <message>
        <source>Keadaan data per:</source>
        <translation>Data as of:</translation>
    </message>
    <message>
        <source>Berkas: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Kata sandi salah. Masukkan lagi kata sandi berkas {name}:</source>
        <translation>Wrong password. Enter the password for {name} again:</translation>
    </message>
    <message>
        <source>Berkas {name} dilindungi kata sandi. Masukkan kata sandinya:</source>
        <translation>The file {name} is password-protected. Enter its password:</translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation>File password</translation>
    </message>
    <message>
        <source>{sheet} (judul kolom di baris {row})</source>
        <translation>{sheet} (column headings on row {row})</translation>
    </message>
    <message>
        <source>± {n} baris</source>
        <translation>± {n} rows</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca karena kesalahan sistem.</source>
        <translation>The file cannot be read because of a system error.</translation>
    </message>
    <message>
        <source>Tanggal keadaan data tidak tertulis di berkas: isi tanggalnya (lihat surat pengantar Dinas Sosial).</source>
        <translation>The file does not state the date of its data: enter it (see the social affairs office&apos;s cover letter).</translation>
    </message>
    <message>
        <source>Terbaca dari judul berkas.</source>
        <translation>Read from the file&apos;s title.</translation>
    </message>
    <message>
        <source>Diisi petugas.</source>
        <translation>Entered by the officer.</translation>
    </message>
    <message>
        <source>Pesan: {errors} kesalahan, {warnings} peringatan, {infos} info</source>
        <translation>Messages: errors {errors}, warnings {warnings}, info {infos}</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Isi tanggal keadaan data sebelum mengimpor.</source>
        <translation>Enter the date of the data before importing.</translation>
    </message>
    <message>
        <source>Mengimpor {name}</source>
        <translation>Importing {name}</translation>
    </message>
    <message>
        <source>Ekstrak {dataset} per {date} diimpor dan menggantikan ekstrak sebelumnya.</source>
        <translation>The {dataset} extract as of {date} was imported and replaces the previous extract.</translation>
    </message>
    <message>
        <source>Berkas ditolak; data DTSEN/DTKS tidak berubah.</source>
        <translation>File refused; the DTSEN/DTKS data did not change.</translation>
    </message>
    <message>
        <source>Diimpor {imported} · desa lain {other} · NIK rusak {damaged} · ditolak {rejected} (dari {total} baris)</source>
        <translation>Imported {imported} · other villages {other} · damaged NIK {damaged} · refused {rejected} (of {total} rows)</translation>
    </message>
    <message>
        <source>Impor dibatalkan; data DTSEN/DTKS tidak berubah.</source>
        <translation>Import cancelled; the DTSEN/DTKS data did not change.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat diimpor karena kesalahan sistem.</source>
        <translation>The file cannot be imported because of a system error.</translation>
    </message>
</context>
<context>
    <name>ExtractMappingTableModel</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan keluarga</source>
        <translation>Family relationship</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Kode desa/kelurahan</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>Desil nasional</source>
        <translation>National decile</translation>
    </message>
    <message>
        <source>Desil provinsi</source>
        <translation>Provincial decile</translation>
    </message>
    <message>
        <source>Desil kabupaten/kota</source>
        <translation>District decile</translation>
    </message>
    <message>
        <source>ID keluarga</source>
        <translation>Family ID</translation>
    </message>
    <message>
        <source>ID DTKS/DTSEN orang</source>
        <translation>DTKS/DTSEN person ID</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>(diabaikan)</source>
        <translation>(ignored)</translation>
    </message>
    <message>
        <source>Bansos {program}</source>
        <translation>Aid {program}</translation>
    </message>
    <message>
        <source>Kolom di berkas</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Dibaca sebagai</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>Contoh isi</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>Kolom lain juga cocok untuk isian ini; pastikan pilihannya benar.</source>
        <translation>Another column also fits this field; make sure the choice is right.</translation>
    </message>
</context>
<context>
    <name>ExtractPage</name>
    <message>
        <source>Data DTSEN (boleh dilewati)</source>
        <translation>DTSEN data (optional)</translation>
    </message>
    <message>
        <source>Ekstrak DTSEN/DTKS dari Dinas Sosial untuk memeriksa status warga.</source>
        <translation>The DTSEN/DTKS extract from the social affairs office, to check residents&apos; status.</translation>
    </message>
    <message>
        <source>Bila Dinas Sosial sudah memberikan berkas Excel ekstrak DTSEN untuk desa ini, muat sekarang: pencarian warga langsung menunjukkan desil dan program bantuannya.</source>
        <translation>If the social affairs office has already given you the Excel file of the DTSEN extract for this village, load it now: resident search then shows each resident&apos;s decile and aid programmes right away.</translation>
    </message>
    <message>
        <source>Muat ekstrak DTSEN…</source>
        <translation>Load DTSEN extract…</translation>
    </message>
    <message>
        <source>Belum punya berkasnya? Tekan Lanjut. Ekstrak dapat dimuat kapan saja di Pertukaran Data → Data DTSEN.</source>
        <translation>Don&apos;t have the file yet? Press Next. The extract can be loaded at any time in Data exchange → DTSEN data.</translation>
    </message>
    <message>
        <source>Pilih ekstrak DTSEN/DTKS dari Dinas Sosial</source>
        <translation>Choose the DTSEN/DTKS extract from the social affairs office</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Ekstrak {dataset} dimuat dari berkas {file}: {n} baris warga desa ini.</source>
        <translation>{dataset} extract loaded from the file {file}: {n} rows of this village&apos;s residents.</translation>
    </message>
</context>
<context>
    <name>FieldComboDelegate</name>
    <message>
        <source>Dibaca sebagai</source>
        <translation>Read as</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Menyiapkan {app}</source>
        <translation>Setting up {app}</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Mulai</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;Buat situs</source>
        <translation>&amp;Create site</translation>
    </message>
    <message>
        <source>Keluar dari penyiapan?</source>
        <translation>Leave the set-up?</translation>
    </message>
    <message>
        <source>Situs belum dibuat; isian pada langkah ini akan hilang dan aplikasi ditutup. Keluar?</source>
        <translation>The site has not been created yet; what you entered in these steps will be lost and the app will close. Leave?</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup tanpa menyimpan (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>Mei</source>
        <translation>May</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>Agu</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <source>Okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>Des</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>Januari</source>
        <translation>January</translation>
    </message>
    <message>
        <source>Februari</source>
        <translation>February</translation>
    </message>
    <message>
        <source>Maret</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>Juni</source>
        <translation>June</translation>
    </message>
    <message>
        <source>Juli</source>
        <translation>July</translation>
    </message>
    <message>
        <source>Agustus</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>Oktober</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>Desember</source>
        <translation>December</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>Bantuan</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Halaman bantuan sebelumnya (Alt+Kiri)</source>
        <translation>Previous help page (Alt+Left)</translation>
    </message>
    <message>
        <source>Maju →</source>
        <translation>Forward →</translation>
    </message>
    <message>
        <source>Halaman bantuan berikutnya (Alt+Kanan)</source>
        <translation>Next help page (Alt+Right)</translation>
    </message>
    <message>
        <source>Daftar isi</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Semua halaman bantuan</source>
        <translation>All help pages</translation>
    </message>
    <message>
        <source>Istilah</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Arti singkatan dan istilah: PKH, BPNT, DTSEN, desil, musdes…</source>
        <translation>What the acronyms and terms mean: PKH, BPNT, DTSEN, decile, musdes…</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>A−</translation>
    </message>
    <message>
        <source>Huruf lebih kecil (Ctrl+−)</source>
        <translation>Smaller text (Ctrl+−)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Huruf lebih besar (Ctrl++)</source>
        <translation>Larger text (Ctrl++)</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bantuan — {title}</source>
        <translation>Help — {title}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Paket yang dibuat dan diterapkan di situs ini</source>
        <translation>Packages created and applied at this site</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Riwayat paket</source>
        <translation>Package history</translation>
    </message>
    <message>
        <source>Baris yang menunggu keputusan</source>
        <translation>Rows awaiting a decision</translation>
    </message>
    <message>
        <source>Buat lembar keputusan konflik…</source>
        <translation>Create conflict decision sheet…</translation>
    </message>
    <message>
        <source>Isi kolom PAKAI (PENGIRIM atau PENERIMA) untuk setiap baris, simpan, lalu impor lembar itu di tab Terima.</source>
        <translation>Fill in the PAKAI column (PENGIRIM for the sender&apos;s version or PENERIMA for the receiver&apos;s) on every row, save, then import that sheet in the Receive tab.</translation>
    </message>
    <message>
        <source>Baris yang diubah di luar aplikasi diterapkan dengan mengimpor ulang paketnya di tab Terima dan mencentang &quot;Terapkan juga baris yang diubah di luar aplikasi&quot;.</source>
        <translation>Rows edited outside the app are applied by importing their package again in the Receive tab and ticking &quot;Also apply rows edited outside the app&quot;.</translation>
    </message>
    <message>
        <source>Riwayat tidak dapat dimuat: {reason}</source>
        <translation>The history could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Riwayat tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The history could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang melihat riwayat paket.</source>
        <translation>This account is not allowed to see the package history.</translation>
    </message>
    <message>
        <source>Belum ada paket yang dibuat atau diterapkan di situs ini.</source>
        <translation>No packages have been created or applied at this site yet.</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang memutuskan baris yang menunggu.</source>
        <translation>This account is not allowed to decide on waiting rows.</translation>
    </message>
    <message>
        <source>Tidak ada baris yang menunggu keputusan.</source>
        <translation>No rows are awaiting a decision.</translation>
    </message>
    <message>
        <source>{conflicts} konflik (diubah di kedua situs) · {edited} diubah di luar aplikasi</source>
        <translation>Conflicts (changed at both sites): {conflicts} · Edited outside the app: {edited}</translation>
    </message>
    <message>
        <source>Simpan lembar keputusan konflik</source>
        <translation>Save conflict decision sheet</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <source>Lembar keputusan berisi %n konflik tersimpan: {path}</source>
        <translation>
            <numerusform>Decision sheet with %n conflict saved: {path}</numerusform>
            <numerusform>Decision sheet with %n conflicts saved: {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Lembar keputusan tidak dapat dibuat karena kesalahan sistem.</source>
        <translation>The decision sheet could not be created because of a system error.</translation>
    </message>
</context>
<context>
    <name>HouseholdChangesTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>{n} anggota</source>
        <translation>Members: {n}</translation>
    </message>
    <message>
        <source>desa</source>
        <translation>village</translation>
    </message>
    <message>
        <source>kabupaten</source>
        <translation>district</translation>
    </message>
    <message>
        <source>{decided} — belum diterapkan: {problem}</source>
        <translation>{decided} — not applied yet: {problem}</translation>
    </message>
</context>
<context>
    <name>HouseholdComplaintsTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>(keluarga)</source>
        <translation>(household)</translation>
    </message>
</context>
<context>
    <name>HouseholdCorrectionDialog</name>
    <message>
        <source>Koreksi data keluarga</source>
        <translation>Correct household data</translation>
    </message>
    <message>
        <source>Kosongkan bila No. KK tidak berubah</source>
        <translation>Leave empty if the KK no. does not change</translation>
    </message>
    <message>
        <source>No. KK tercatat</source>
        <translation>Recorded KK no.</translation>
    </message>
    <message>
        <source>No. &amp;KK baru</source>
        <translation>New &amp;KK no.</translation>
    </message>
    <message>
        <source>Alasan tanpa KK</source>
        <translation>Reason for no KK</translation>
    </message>
    <message>
        <source>Ala&amp;mat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Keluarga {number} · kepala keluarga {name}</source>
        <translation>Household {number} · head of household {name}</translation>
    </message>
    <message>
        <source>(tidak ada No. KK)</source>
        <translation>(no KK no.)</translation>
    </message>
    <message>
        <source>(No. KK tidak berubah)</source>
        <translation>(KK no. unchanged)</translation>
    </message>
</context>
<context>
    <name>HouseholdExtractTab</name>
    <message>
        <source>Memeriksa data DTSEN…</source>
        <translation>Checking the DTSEN data…</translation>
    </message>
    <message>
        <source>Perbandingan dengan data DTSEN</source>
        <translation>Comparison with the DTSEN data</translation>
    </message>
    <message>
        <source>Usulkan ke DTSEN…</source>
        <translation>Propose to DTSEN…</translation>
    </message>
    <message>
        <source>Siapkan usulan DTSEN untuk keluarga ini (Ctrl+U)</source>
        <translation>Prepare a DTSEN proposal for this household (Ctrl+U)</translation>
    </message>
    <message>
        <source>Data DTSEN keluarga ini tidak dapat diperiksa.</source>
        <translation>This household&apos;s DTSEN data cannot be checked.</translation>
    </message>
    <message>
        <source>Cek DTSEN ({n})</source>
        <translation>DTSEN check ({n})</translation>
    </message>
    <message>
        <source>Cek DTSEN</source>
        <translation>DTSEN check</translation>
    </message>
    <message>
        <source>keluarga ini tidak ada di data.</source>
        <translation>this household is not in the data.</translation>
    </message>
    <message numerus="yes">
        <source>%n anggota yang tinggal di rumah tidak ada di data.</source>
        <translation>
            <numerusform>%n member living here is not in the data.</numerusform>
            <numerusform>%n members living here are not in the data.</numerusform>
        </translation>
    </message>
    <message>
        <source>terdaftar; ada data yang berbeda dengan catatan Puskesos.</source>
        <translation>registered; some data differs from the Puskesos records.</translation>
    </message>
    <message>
        <source>seluruh anggota terdaftar dan datanya sama.</source>
        <translation>every member is registered and the data is the same.</translation>
    </message>
    <message>
        <source>Belum ada data DTSEN/DTKS yang diimpor. Impor ekstrak dari Dinas Sosial di Pertukaran Data → Data DTSEN.</source>
        <translation>No DTSEN/DTKS data has been imported yet. Import the social affairs office&apos;s extract in Data exchange → DTSEN data.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{dataset} per {date}&lt;/b&gt;: {result}</source>
        <translation>&lt;b&gt;{dataset} as of {date}&lt;/b&gt;: {result}</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Desil {desil} · Program di data: {programs}</source>
        <translation>Decile {desil} · Programmes in the data: {programs}</translation>
    </message>
    <message numerus="yes">
        <source>Umur data %n bulan.</source>
        <translation>
            <numerusform>Data age %n month.</numerusform>
            <numerusform>Data age %n months.</numerusform>
        </translation>
    </message>
    <message>
        <source>Data sudah lebih dari 4 bulan: DTSEN diperbarui tiap triwulan, minta ekstrak terbaru ke Dinas Sosial.</source>
        <translation>The data is more than 4 months old: DTSEN is updated quarterly, ask the social affairs office for the latest extract.</translation>
    </message>
    <message>
        <source>Keluarga ini belum ada di data DTSEN: usulkan ke DTSEN (usulan baru) lewat musyawarah desa.</source>
        <translation>This household is not in the DTSEN data yet: propose it to DTSEN (new proposal) through the village meeting.</translation>
    </message>
    <message>
        <source>{names} belum ada di data DTSEN: usulkan ke DTSEN (perbaikan data keluarga) lewat musyawarah desa.</source>
        <translation>{names} not in the DTSEN data yet: propose to DTSEN (family data correction) through the village meeting.</translation>
    </message>
    <message>
        <source>Akun Anda tidak berwenang untuk tindakan ini.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>(ada No. KK)</source>
        <translation>(has a KK number)</translation>
    </message>
    <message>
        <source>Jalan/gang, nomor rumah atau nama dusun</source>
        <translation>Street or lane, house number or hamlet name</translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation>&amp;KK no.</translation>
    </message>
    <message>
        <source>Alasan tanpa KK</source>
        <translation>Reason for no KK</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>{label} hanya berisi angka, paling banyak 3 digit (misalnya 002).</source>
        <translation>{label} may contain only digits, at most 3 (for example 002).</translation>
    </message>
    <message>
        <source>No. KK {kk} sudah dipakai keluarga {number} (kepala keluarga {name}).</source>
        <translation>KK number {kk} is already used by household {number} (head of household {name}).</translation>
    </message>
</context>
<context>
    <name>HouseholdHeaderCard</name>
    <message>
        <source>Tampilkan No. KK</source>
        <translation>Show KK no.</translation>
    </message>
    <message>
        <source>Tampilkan No. KK lengkap; alasannya dicatat di log audit</source>
        <translation>Show the full KK number; the reason is recorded in the audit log</translation>
    </message>
    <message>
        <source>Koreksi data keluarga…</source>
        <translation>Correct household data…</translation>
    </message>
    <message>
        <source>Perbaiki No. KK atau alamat yang salah tercatat; alasannya dicatat</source>
        <translation>Fix a wrongly recorded KK number or address; the reason is recorded</translation>
    </message>
    <message>
        <source>tanpa KK ({reason})</source>
        <translation>no KK ({reason})</translation>
    </message>
    <message>
        <source>No. KK {kk}</source>
        <translation>KK no. {kk}</translation>
    </message>
    <message>
        <source>RT {rt}/RW {rw}</source>
        <translation>RT {rt}/RW {rw}</translation>
    </message>
    <message>
        <source>Dusun {name}</source>
        <translation>{name} hamlet</translation>
    </message>
    <message>
        <source>Desa {name}</source>
        <translation>{name} village</translation>
    </message>
    <message>
        <source>Tidak ada di data DTSEN yang aktif</source>
        <translation>Not in the active DTSEN data</translation>
    </message>
    <message>
        <source>Ada di data {dataset}: desil {desil}, per {date}</source>
        <translation>In {dataset} data: decile {desil}, as of {date}</translation>
    </message>
    <message>
        <source>Ada di data {dataset}, per {date}</source>
        <translation>In {dataset} data, as of {date}</translation>
    </message>
    <message>
        <source>{present} anggota tinggal bersama, {total} tercatat</source>
        <translation>{present} of {total} recorded members live here</translation>
    </message>
</context>
<context>
    <name>HouseholdLabels</name>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Saran</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ditangani</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Dirujuk</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tidak dapat ditangani</source>
        <translation>Could not be resolved</translation>
    </message>
    <message>
        <source>Teridentifikasi</source>
        <translation>Identified</translation>
    </message>
    <message>
        <source>Terpenuhi</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Tidak terpenuhi</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Tidak layak</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>Usulan baru</source>
        <translation>New proposal</translation>
    </message>
    <message>
        <source>Perbaikan data</source>
        <translation>Data correction</translation>
    </message>
    <message>
        <source>Sanggah</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Siap musdes</source>
        <translation>Ready for musdes</translation>
    </message>
    <message>
        <source>Diajukan ke operator SIKS-NG</source>
        <translation>Submitted to the SIKS-NG operator</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>PKH</source>
        <translation>PKH</translation>
    </message>
    <message>
        <source>Sembako</source>
        <translation>Sembako</translation>
    </message>
    <message>
        <source>PBI</source>
        <translation>PBI</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Tambah anggota</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Keluarkan anggota</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>Ganti kepala keluarga</source>
        <translation>Change head of household</translation>
    </message>
    <message>
        <source>Pisah KK</source>
        <translation>Split KK</translation>
    </message>
    <message>
        <source>Pindah</source>
        <translation>Move away</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Menunggu persetujuan</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Berbagi data dengan lembaga non-pemerintah (BAZNAS, LKS, CSR)</source>
        <translation>Sharing data with non-government organisations (BAZNAS, LKS, CSR)</translation>
    </message>
    <message>
        <source>Foto rumah atau dokumen</source>
        <translation>Photos of the house or documents</translation>
    </message>
    <message>
        <source>Tanda tangan</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Cap jempol</source>
        <translation>Thumbprint</translation>
    </message>
    <message>
        <source>Lisan, dicatat petugas</source>
        <translation>Verbal, recorded by the officer</translation>
    </message>
    <message>
        <source>Draf, menunggu persetujuan</source>
        <translation>Draft, awaiting approval</translation>
    </message>
    <message>
        <source>Disetujui, siap cetak</source>
        <translation>Approved, ready to print</translation>
    </message>
    <message>
        <source>Dikirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Diterima lembaga</source>
        <translation>Accepted by the organisation</translation>
    </message>
    <message>
        <source>Diproses</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Tidak ada kabar</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>HouseholdNeedsTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Bidang</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>PPKS</source>
        <translation>PPKS</translation>
    </message>
    <message>
        <source>Program diusulkan</source>
        <translation>Proposed programme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>(keluarga)</source>
        <translation>(household)</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Kembali ke pencarian (Esc)</source>
        <translation>Back to search (Esc)</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Baca ulang data keluarga (F5)</source>
        <translation>Read the household data again (F5)</translation>
    </message>
    <message>
        <source>Catat kunjungan</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <source>Keluhan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Need</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Programme participation</translation>
    </message>
    <message>
        <source>Usulan DTSEN</source>
        <translation>DTSEN proposal</translation>
    </message>
    <message>
        <source>Perubahan KK</source>
        <translation>KK change</translation>
    </message>
    <message>
        <source>Belum ada kunjungan.</source>
        <translation>No visits yet.</translation>
    </message>
    <message>
        <source>Belum ada keluhan.</source>
        <translation>No complaints yet.</translation>
    </message>
    <message>
        <source>Belum ada kebutuhan.</source>
        <translation>No needs yet.</translation>
    </message>
    <message>
        <source>Belum ada kepesertaan program yang dicatat.</source>
        <translation>No programme participation recorded yet.</translation>
    </message>
    <message>
        <source>Belum ada usulan DTSEN.</source>
        <translation>No DTSEN proposals yet.</translation>
    </message>
    <message>
        <source>Belum ada permintaan perubahan KK.</source>
        <translation>No KK change requests yet.</translation>
    </message>
    <message>
        <source>Keluhan dari kunjungan ini</source>
        <translation>Complaint from this visit</translation>
    </message>
    <message>
        <source>Kebutuhan dari kunjungan ini</source>
        <translation>Need from this visit</translation>
    </message>
    <message>
        <source>Ubah status…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>Ctrl+K kunjungan · Ctrl+L keluhan · Ctrl+B kebutuhan · Ctrl+E kepesertaan · Ctrl+U usulan DTSEN · Ctrl+G perubahan KK</source>
        <translation>Ctrl+K visit · Ctrl+L complaint · Ctrl+B need · Ctrl+E programme participation · Ctrl+U DTSEN proposal · Ctrl+G KK change</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Data keluarga tidak dapat dimuat.</source>
        <translation>The household data could not be loaded.</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Akun Anda tidak berwenang untuk tindakan ini.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>Kunjungan {number} tersimpan.</source>
        <translation>Visit {number} saved.</translation>
    </message>
    <message>
        <source>Keluhan {number} tersimpan; jatuh tempo {date}.</source>
        <translation>Complaint {number} saved; due {date}.</translation>
    </message>
    <message>
        <source>Kebutuhan {number} tersimpan; jatuh tempo {date}.</source>
        <translation>Need {number} saved; due {date}.</translation>
    </message>
    <message>
        <source>Kepesertaan program tersimpan.</source>
        <translation>Programme participation saved.</translation>
    </message>
    <message>
        <source>Usulan {number} masih berjalan; lanjutkan dengan Ubah status.</source>
        <translation>Proposal {number} is still in progress; continue with Change status.</translation>
    </message>
    <message>
        <source>Usulan {number} tersimpan sebagai draf.</source>
        <translation>Proposal {number} saved as a draft.</translation>
    </message>
    <message>
        <source>Permintaan {number} tersimpan dan menunggu persetujuan.</source>
        <translation>Request {number} saved and awaiting approval.</translation>
    </message>
    <message>
        <source>Status usulan {number} diperbarui.</source>
        <translation>Status of proposal {number} updated.</translation>
    </message>
</context>
<context>
    <name>HouseholdParticipationsTableModel</name>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>No. kartu</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>(seluruh keluarga)</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>HouseholdPrints</name>
    <message>
        <source>Cetak bukti pendaftaran…</source>
        <translation>Print registration receipt…</translation>
    </message>
    <message>
        <source>Pratinjau dan cetak bukti pendaftaran kunjungan yang dipilih</source>
        <translation>Preview and print the registration receipt for the selected visit</translation>
    </message>
    <message>
        <source>Keterangan DTSEN…</source>
        <translation>DTSEN note…</translation>
    </message>
    <message>
        <source>Pratinjau dan cetak keterangan status DTSEN untuk anggota yang dipilih di tabel anggota</source>
        <translation>Preview and print a DTSEN status note for the member selected in the member table</translation>
    </message>
    <message>
        <source>Bukti pendaftaran {number}</source>
        <translation>Registration receipt {number}</translation>
    </message>
    <message>
        <source>Keterangan status DTSEN — {name}</source>
        <translation>DTSEN status note — {name}</translation>
    </message>
</context>
<context>
    <name>HouseholdProposalsTableModel</name>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kriteria 262</source>
        <translation>Decree 262 criteria</translation>
    </message>
    <message>
        <source>Usulan bansos</source>
        <translation>Proposed assistance</translation>
    </message>
    <message>
        <source>Musdes/muskel</source>
        <translation>Musdes/muskel</translation>
    </message>
    <message>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>{met} dari {total}</source>
        <translation>{met} of {total}</translation>
    </message>
</context>
<context>
    <name>HouseholdReferralsTableModel</name>
    <message>
        <source>Nomor surat</source>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Layanan tujuan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>{status}, terlambat {days} hari kerja</source>
        <translation>{status}, {days} working days overdue</translation>
    </message>
    <message>
        <source>Dimohon: {service}</source>
        <translation>Requested: {service}</translation>
    </message>
</context>
<context>
    <name>HouseholdVisitsTableModel</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Yang datang</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>belum ada pemberitahuan</source>
        <translation>not yet notified</translation>
    </message>
    <message>
        <source>pemberitahuan</source>
        <translation>notice given</translation>
    </message>
    <message>
        <source>pemberitahuan + persetujuan</source>
        <translation>notice + consent</translation>
    </message>
</context>
<context>
    <name>IdReveal</name>
    <message>
        <source>Tampilkan NIK</source>
        <translation>Show NIK</translation>
    </message>
    <message>
        <source>Tampilkan NIK lengkap anggota yang dipilih; alasannya dicatat</source>
        <translation>Show the full NIK of the selected member; the reason is recorded</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK number</translation>
    </message>
    <message>
        <source>keluarga ini</source>
        <translation>this household</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <source>Pilih paket…</source>
        <translation>Choose package…</translation>
    </message>
    <message>
        <source>Pilih satu paket, atau beberapa sekaligus (Ctrl atau Shift).</source>
        <translation>Choose one package, or several at once (Ctrl or Shift).</translation>
    </message>
    <message>
        <source>Pilih folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Semua paket .xlsx dalam satu folder, misalnya dari flashdisk.</source>
        <translation>Every .xlsx package in one folder, for example from a USB stick.</translation>
    </message>
    <message>
        <source>Belum ada berkas dipilih.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>Setiap berkas diperiksa dulu tanpa mengubah data: tanda tangan, pengirim, dan setiap baris. Data baru diterapkan setelah Anda menekan Terapkan. Lembar keputusan konflik yang sudah dijawab juga diimpor di sini.</source>
        <translation>Each file is checked first without changing any data: the signature, the sender and every row. Data is applied only after you press Apply. Answered conflict decision sheets are imported here too.</translation>
    </message>
    <message>
        <source>Paket yang dipilih</source>
        <translation>Chosen packages</translation>
    </message>
    <message>
        <source>Pesan pemeriksaan</source>
        <translation>Check messages</translation>
    </message>
    <message>
        <source>Terapkan juga baris yang diubah di luar aplikasi</source>
        <translation>Also apply rows edited outside the app</translation>
    </message>
    <message>
        <source>Simpan laporan…</source>
        <translation>Save report…</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang mengimpor paket data.</source>
        <translation>This account is not allowed to import data packages.</translation>
    </message>
    <message>
        <source>Pilih paket pertukaran data</source>
        <translation>Choose data exchange package</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Pilih folder berisi paket</source>
        <translation>Choose the folder with the packages</translation>
    </message>
    <message>
        <source>Simpan laporan pemeriksaan</source>
        <translation>Save check report</translation>
    </message>
    <message>
        <source>Kata sandi salah. Masukkan lagi kata sandi berkas {name}:</source>
        <translation>Wrong password. Enter the password for {name} again:</translation>
    </message>
    <message>
        <source>Berkas {name} dilindungi kata sandi. Masukkan kata sandinya:</source>
        <translation>The file {name} is password-protected. Enter its password:</translation>
    </message>
    <message>
        <source>Kata sandi berkas</source>
        <translation>File password</translation>
    </message>
    <message>
        <source>Laporan disimpan dari hasil pemeriksaan, sebelum paket diterapkan.</source>
        <translation>The report is saved from the check results, before the package is applied.</translation>
    </message>
    <message>
        <source>Berkas: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>Memeriksa {name}</source>
        <translation>Checking {name}</translation>
    </message>
    <message>
        <source>Terapkan baris yang diubah di luar aplikasi yang masih menunggu ({n})</source>
        <translation>Apply waiting rows edited outside the app ({n})</translation>
    </message>
    <message>
        <source>Menerapkan {name}</source>
        <translation>Applying {name}</translation>
    </message>
    <message>
        <source>Menyimpan laporan {name}</source>
        <translation>Saving report {name}</translation>
    </message>
    <message>
        <source>Laporan tersimpan: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <source>Dipilih: {names}</source>
        <translation>Chosen: {names}</translation>
    </message>
    <message>
        <source>Memeriksa paket yang dipilih</source>
        <translation>Checking the chosen packages</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan; tidak ada data yang berubah.</source>
        <translation>Check cancelled; no data changed.</translation>
    </message>
    <message>
        <source>Menerapkan paket yang dipilih</source>
        <translation>Applying the chosen packages</translation>
    </message>
    <message>
        <source>Impor dibatalkan. Paket yang sudah diterapkan sebelum Batal tetap diterapkan; paket sesudahnya tidak diubah.</source>
        <translation>Import cancelled. Packages applied before Cancel stay applied; the packages after them changed nothing.</translation>
    </message>
    <message>
        <source>Pemeriksaan selesai: {files} berkas — {would} dapat diterapkan, {already} sudah diimpor sebelumnya, {rejected} ditolak. Belum ada data yang berubah.</source>
        <translation>Check finished: {files} files — {would} can be applied, {already} imported before, {rejected} refused. No data has changed yet.</translation>
    </message>
    <message>
        <source>{applied} dari {files} berkas diterapkan; {already} sudah diimpor sebelumnya, {rejected} ditolak.</source>
        <translation>{applied} of {files} files applied; {already} imported before, {rejected} refused.</translation>
    </message>
    <message>
        <source>{n} berkas tidak diproses.</source>
        <translation>{n} files not processed.</translation>
    </message>
    <message>
        <source>Tidak ada berkas .xlsx di pilihan ini.</source>
        <translation>There is no .xlsx file in this choice.</translation>
    </message>
    <message>
        <source>Terapkan semua</source>
        <translation>Apply all</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada data yang berubah.</source>
        <translation>Import cancelled; no data was changed.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat diproses karena kesalahan sistem.</source>
        <translation>The file could not be processed because of a system error.</translation>
    </message>
    <message>
        <source>Pemeriksaan selesai: paket ke-{sequence} dari {sender} dapat diterapkan. Belum ada data yang berubah.</source>
        <translation>Check complete: package no. {sequence} from {sender} can be applied. No data has been changed yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n baris ditolak dan tidak akan diterapkan; lihat pesannya di bawah.</source>
        <translation>
            <numerusform>%n row was rejected and will not be applied; see the messages below.</numerusform>
            <numerusform>%n rows were rejected and will not be applied; see the messages below.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paket ke-{sequence} dari {sender} sudah diterapkan ({when}).</source>
        <translation>Package no. {sequence} from {sender} has been applied ({when}).</translation>
    </message>
    <message numerus="yes">
        <source>%n baris menunggu keputusan di tab Riwayat &amp; Konflik.</source>
        <translation>
            <numerusform>%n row awaits a decision in the History &amp; conflicts tab.</numerusform>
            <numerusform>%n rows await a decision in the History &amp; conflicts tab.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paket ini sudah diimpor.</source>
        <translation>This package has already been imported.</translation>
    </message>
    <message>
        <source>Berkas ditolak; tidak ada data yang berubah.</source>
        <translation>File rejected; no data was changed.</translation>
    </message>
    <message>
        <source>Baris: {counts}</source>
        <translation>Rows: {counts}</translation>
    </message>
    <message>
        <source>Pesan: {errors} kesalahan, {warnings} peringatan, {infos} info</source>
        <translation>Messages: errors {errors}, warnings {warnings}, info {infos}</translation>
    </message>
    <message>
        <source>Tidak ada pesan untuk baris-baris paket ini.</source>
        <translation>No messages for the rows of this package.</translation>
    </message>
    <message>
        <source>Terapkan juga baris yang diubah di luar aplikasi ({n})</source>
        <translation>Also apply rows edited outside the app ({n})</translation>
    </message>
    <message>
        <source>baris {n}</source>
        <translation>row {n}</translation>
    </message>
</context>
<context>
    <name>KabupatenChangesTab</name>
    <message>
        <source>Status permintaan</source>
        <translation>Request status</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Sudah diputuskan</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Memuat permintaan…</source>
        <translation>Loading requests…</translation>
    </message>
    <message>
        <source>Permintaan perubahan KK</source>
        <translation>Household change requests</translation>
    </message>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Rincian permintaan</source>
        <translation>Request details</translation>
    </message>
    <message>
        <source>Catatan persetujuan (tidak wajib)</source>
        <translation>Approval note (optional)</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <source>Keputusan dicatat di kabupaten dan dikirim ke desa dalam paket balasan berikutnya; desa yang menerapkan perubahan pada anggota keluarga.</source>
        <translation>The decision is recorded at the district and sent to the village in the next return package; the village applies the change to the household members.</translation>
    </message>
    <message>
        <source>Hanya Manajer SLRT yang dapat menyetujui atau menolak permintaan.</source>
        <translation>Only the SLRT Manager can approve or reject requests.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Desa:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>Tidak ada permintaan dengan saringan ini.</source>
        <translation>No requests match this filter.</translation>
    </message>
    <message>
        <source>{first}–{last} dari {total} permintaan</source>
        <translation>{first}–{last} of {total} requests</translation>
    </message>
    <message>
        <source>Permintaan tidak dapat dimuat: {reason}</source>
        <translation>Requests could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Permintaan tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>Requests could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>Pilih permintaan untuk melihat rinciannya.</source>
        <translation>Select a request to see its details.</translation>
    </message>
    <message>
        <source>Desa: {village} ({code})</source>
        <translation>Village: {village} ({code})</translation>
    </message>
    <message>
        <source>Keluarga: {number}, kepala keluarga {head}</source>
        <translation>Household: {number}, head {head}</translation>
    </message>
    <message>
        <source>Alasan dari desa: {reason}</source>
        <translation>Reason given by the village: {reason}</translation>
    </message>
    <message>
        <source>Yang berubah bila disetujui:</source>
        <translation>What changes if approved:</translation>
    </message>
    <message>
        <source>Diputuskan {when} ({where}): {reason}</source>
        <translation>Decided {when} ({where}): {reason}</translation>
    </message>
    <message>
        <source>disetujui</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>Permintaan {number} {verb}. Keputusan dikirim ke {village} dalam paket balasan berikutnya.</source>
        <translation>Request {number} {verb}. The decision is sent to {village} in the next return package.</translation>
    </message>
</context>
<context>
    <name>KabupatenDataTab</name>
    <message>
        <source>Warga</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Keluhan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Usulan DTSEN</source>
        <translation>DTSEN proposals</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Periode dari</source>
        <translation>Period from</translation>
    </message>
    <message>
        <source>Periode sampai</source>
        <translation>Period to</translation>
    </message>
    <message>
        <source>Cari nama atau nomor keluarga</source>
        <translation>Search name or household number</translation>
    </message>
    <message>
        <source>Cari nama</source>
        <translation>Search name</translation>
    </message>
    <message>
        <source>Hapus saringan</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Data gabungan desa</source>
        <translation>Consolidated village data</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Sebelumnya</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Berikutnya</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <source>semua waktu</source>
        <translation>all time</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All subdistricts</translation>
    </message>
    <message>
        <source>Semua program</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Semua urgensi</source>
        <translation>All urgencies</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>{count} data</source>
        <translation>{count} records</translation>
    </message>
    <message>
        <source>{count} data · baris {first}–{last}</source>
        <translation>{count} records · rows {first}–{last}</translation>
    </message>
    <message>
        <source>Data tidak dapat dimuat: {reason}</source>
        <translation>Data could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Data tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>Data could not be loaded because of a system error.</translation>
    </message>
</context>
<context>
    <name>KabupatenDirectoryTab</name>
    <message>
        <source>Cari kode, nama layanan atau lembaga…</source>
        <translation>Search code, service name or agency…</translation>
    </message>
    <message>
        <source>Hanya yang perlu dicek</source>
        <translation>Only entries that need a check</translation>
    </message>
    <message>
        <source>Tampilkan yang nonaktif</source>
        <translation>Show inactive entries</translation>
    </message>
    <message>
        <source>Memuat direktori layanan…</source>
        <translation>Loading the service directory…</translation>
    </message>
    <message>
        <source>Tambah layanan…</source>
        <translation>Add service…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Tandai sudah dicek</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <source>Catat bahwa hari ini layanan ini sudah dipastikan dengan lembaganya.</source>
        <translation>Record that this service was confirmed with its agency today.</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Direktori layanan</source>
        <translation>Service directory</translation>
    </message>
    <message>
        <source>Baris berwarna: layanan yang belum dipastikan dengan lembaganya selama enam bulan. Perubahan direktori dikirim ke semua desa dalam paket balasan berikutnya.</source>
        <translation>Coloured rows: services not confirmed with their agency for six months. Directory changes are sent to every village in the next return packages.</translation>
    </message>
    <message>
        <source>{n} layanan perlu dicek</source>
        <translation>{n} services need a check</translation>
    </message>
    <message>
        <source>Menampilkan {shown} dari {total} layanan; persempit pencarian.</source>
        <translation>Showing {shown} of {total} services; narrow the search.</translation>
    </message>
    <message>
        <source>{n} layanan</source>
        <translation>{n} services</translation>
    </message>
    <message>
        <source>Direktori layanan tidak dapat dimuat: {reason}</source>
        <translation>The service directory could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Direktori layanan tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The service directory could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Nonaktifkan layanan</source>
        <translation>Deactivate service</translation>
    </message>
    <message>
        <source>Nonaktifkan {name} ({code})? Rujukan baru tidak dapat memilihnya lagi; rujukan yang sudah ada tetap tersimpan.</source>
        <translation>Deactivate {name} ({code})? New referrals can no longer choose it; existing referrals are kept.</translation>
    </message>
</context>
<context>
    <name>KabupatenDuplicatesTab</name>
    <message>
        <source>Memuat kemungkinan data ganda…</source>
        <translation>Loading possible duplicates…</translation>
    </message>
    <message>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Kemungkinan data ganda antar desa</source>
        <translation>Possible duplicates across villages</translation>
    </message>
    <message>
        <source>Pilih satu pasangan untuk melihat rinciannya.</source>
        <translation>Select a pair to see its details.</translation>
    </message>
    <message>
        <source>Misalnya: dicek ke Dukcapil, orang yang sama pindah desa</source>
        <translation>E.g.: checked with Dukcapil, same person moved village</translation>
    </message>
    <message>
        <source>Gabungkan, pertahankan kiri</source>
        <translation>Merge, keep left</translation>
    </message>
    <message>
        <source>Gabungkan, pertahankan kanan</source>
        <translation>Merge, keep right</translation>
    </message>
    <message>
        <source>Bukan duplikat</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <source>Keputusan penggabungan dikirim ke kedua desa dalam paket balasan berikutnya; desa yang memegang data ganda menghapusnya dan menunjuk ke data yang dipertahankan. Selama belum diputuskan, kedua data tetap dilayani.</source>
        <translation>Merge decisions go to both villages in the next return package; the village holding the duplicate deletes it and points it to the kept record. Until decided, both records keep being served.</translation>
    </message>
    <message>
        <source>Hanya Manajer SLRT yang dapat memutuskan data ganda; Anda dapat melihat daftarnya.</source>
        <translation>Only the SLRT Manager can decide on duplicates; you can view the list.</translation>
    </message>
    <message>
        <source>&amp;Alasan keputusan</source>
        <translation>Decision &amp;reason</translation>
    </message>
    <message>
        <source>Tidak ada kemungkinan data ganda antar desa yang menunggu keputusan.</source>
        <translation>No possible cross-village duplicates await a decision.</translation>
    </message>
    <message>
        <source>{total} pasangan menunggu keputusan · ditampilkan {first}–{last}</source>
        <translation>{total} pairs await a decision · showing {first}–{last}</translation>
    </message>
    <message>
        <source>Daftar data ganda tidak dapat dimuat: {reason}</source>
        <translation>The duplicate list could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Daftar data ganda tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The duplicate list could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>Kiri (disarankan dipertahankan)</source>
        <translation>Left (suggested to keep)</translation>
    </message>
    <message>
        <source>Kanan</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>NIK {nik}</source>
        <translation>NIK {nik}</translation>
    </message>
    <message>
        <source>Lahir {date}</source>
        <translation>Born {date}</translation>
    </message>
    <message>
        <source>Desa {village} ({code})</source>
        <translation>Village {village} ({code})</translation>
    </message>
    <message>
        <source>No. keluarga {number}</source>
        <translation>Household no. {number}</translation>
    </message>
    <message>
        <source>Gabungkan data warga</source>
        <translation>Merge resident records</translation>
    </message>
    <message>
        <source>Data {duplicate} dari {duplicate_village} digabung ke data {survivor} dari {survivor_village}.

Keputusan ini dikirim ke kedua desa; desa {duplicate_village} akan menghapus data gandanya. Lanjutkan?</source>
        <translation>{duplicate}&apos;s record from {duplicate_village} will be merged into {survivor}&apos;s record from {survivor_village}.

The decision is sent to both villages; {duplicate_village} will delete its duplicate. Continue?</translation>
    </message>
    <message>
        <source>Mengapa {left} dan {right} orang yang berbeda?</source>
        <translation>Why are {left} and {right} different people?</translation>
    </message>
</context>
<context>
    <name>KabupatenPage</name>
    <message>
        <source>Data Desa</source>
        <translation>Village Data</translation>
    </message>
    <message>
        <source>Data yang dikirim Puskesos desa/kelurahan, digabung untuk seluruh kabupaten/kota: telusuri per desa dan kecamatan, periksa warga yang tercatat di dua desa, putuskan usulan perubahan KK, dan kelola direktori layanan yang dikirim ke semua desa.</source>
        <translation>Data sent by the village Puskesos, combined for the whole district: browse by village and subdistrict, check residents registered in two villages, decide household change requests, and keep the service directory sent to every village.</translation>
    </message>
    <message>
        <source>Data gabungan</source>
        <translation>Combined data</translation>
    </message>
    <message>
        <source>Kemungkinan duplikat</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Perubahan KK</source>
        <translation>Household changes</translation>
    </message>
    <message>
        <source>Direktori layanan</source>
        <translation>Service directory</translation>
    </message>
</context>
<context>
    <name>KeluhanPage</name>
    <message>
        <source>Keluhan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Tindak lanjut keluhan, kebutuhan, dan usulan DTSEN. Batas waktu dihitung dalam hari kerja; hari libur nasional dan cuti bersama tidak dihitung.</source>
        <translation>Follow up complaints, needs and DTSEN proposals. Deadlines are counted in working days; public holidays and collective leave days are not counted.</translation>
    </message>
    <message>
        <source>Tugas hari ini</source>
        <translation>Today&apos;s tasks</translation>
    </message>
    <message>
        <source>Daftar keluhan</source>
        <translation>Complaint list</translation>
    </message>
    <message>
        <source>Tugas hari ini ({n})</source>
        <translation>Today&apos;s tasks ({n})</translation>
    </message>
    <message>
        <source>Keluhan sudah diubah petugas lain</source>
        <translation>The complaint was changed by another officer</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Selamat datang</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Komputer ini belum disiapkan. Beberapa langkah singkat berikut menyiapkannya untuk melayani warga.</source>
        <translation>This computer has not been set up yet. The following short steps prepare it to serve residents.</translation>
    </message>
    <message>
        <source>Pilih bahasa tampilan:</source>
        <translation>Choose the display language:</translation>
    </message>
    <message>
        <source>Bahasa dapat diubah kapan saja di Pengaturan → Bahasa tampilan.</source>
        <translation>The language can be changed at any time in Settings → Display language.</translation>
    </message>
    <message>
        <source>Langkah berikutnya: identitas Puskesos (dari berkas penyiapan kabupaten atau diisi sendiri), kop surat, akun Admin dan akun petugas, kertas dan printer, lalu data DTSEN bila sudah ada. Siapkan flashdisk berisi berkas dari kabupaten bila Anda menerimanya.</source>
        <translation>Next steps: the Puskesos details (from the district&apos;s set-up file, or filled in by hand), the letterhead, the Admin and officer accounts, paper and printer, then the DTSEN data if you have it. Have the USB stick with the district&apos;s file ready if you received one.</translation>
    </message>
</context>
<context>
    <name>LaporanPage</name>
    <message>
        <source>Rekap bulanan</source>
        <translation>Monthly recap</translation>
    </message>
    <message>
        <source>Register layanan (BNBA)</source>
        <translation>Service register (BNBA)</translation>
    </message>
    <message>
        <source>Daftar usulan DTSEN</source>
        <translation>DTSEN proposal list</translation>
    </message>
    <message>
        <source>Daftar hadir &amp; keputusan musdes/muskel</source>
        <translation>Musdes/muskel attendance &amp; decisions</translation>
    </message>
    <message>
        <source>Rujukan lewat batas waktu per instansi</source>
        <translation>Overdue referrals by agency</translation>
    </message>
    <message>
        <source>Tugas hari ini</source>
        <translation>Today&apos;s tasks</translation>
    </message>
    <message>
        <source>Kunjungan, keluhan, kebutuhan, usulan, dan rujukan dalam sebulan, dibandingkan dengan bulan sebelumnya, dengan grafik 12 bulan.</source>
        <translation>Visits, complaints, needs, proposals and referrals in a month, compared with the month before, with 12-month charts.</translation>
    </message>
    <message>
        <source>Satu baris per layanan yang diberikan: tanggal, nama, alamat, layanan, hasil, dan petugas.</source>
        <translation>One row per service given: date, name, address, service, outcome and officer.</translation>
    </message>
    <message>
        <source>Usulan DTSEN satu baris per anggota keluarga, dalam urutan kolom yang diisi operator SIKS-NG.</source>
        <translation>DTSEN proposals, one row per household member, in the column order the SIKS-NG operator enters.</translation>
    </message>
    <message>
        <source>Lembar daftar hadir dan keputusan musyawarah desa/kelurahan atas usulan DTSEN, untuk dicetak.</source>
        <translation>Attendance and decision sheet of the village deliberation on DTSEN proposals, for printing.</translation>
    </message>
    <message>
        <source>Rujukan yang belum dijawab melewati batas waktu, dikelompokkan per instansi tujuan, untuk rapat koordinasi.</source>
        <translation>Referrals still unanswered past their deadline, grouped by receiving agency, for the coordination meeting.</translation>
    </message>
    <message>
        <source>Keluhan, kebutuhan, dan usulan yang jatuh tempo atau terlambat pada hari yang dipilih.</source>
        <translation>Complaints, needs and proposals due or overdue on the chosen day.</translation>
    </message>
    <message>
        <source>Hanya petugas yang berwenang mengusulkan DTSEN (Koordinator, Petugas BO, Operator SIKS-NG) yang dapat membuat daftar usulan.</source>
        <translation>Only staff who may propose DTSEN entries (Coordinator, BO officer, SIKS-NG operator) can make the proposal list.</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Pilih jenis laporan dan periodenya, lalu lihat pratinjaunya atau simpan sebagai berkas Excel (untuk diolah lagi) atau PDF (untuk ditandatangani dan diarsipkan).</source>
        <translation>Choose a report and its period, then preview it or save it as an Excel file (to keep working on) or a PDF (to sign and file).</translation>
    </message>
    <message>
        <source>Pratinjau PDF…</source>
        <translation>Preview PDF…</translation>
    </message>
    <message>
        <source>Simpan Excel…</source>
        <translation>Save Excel…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Tampilkan folder tempat laporan disimpan</source>
        <translation>Show the folder the report was saved in</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang membuat laporan. Laporan dibuat oleh petugas Puskesos, Koordinator, atau petugas sekretariat SLRT.</source>
        <translation>This account may not make reports. Reports are made by Puskesos officers, the Coordinator, or SLRT secretariat staff.</translation>
    </message>
    <message>
        <source>Tidak ada data pada {period} — laporan tetap dibuat.</source>
        <translation>No data for {period} — the report was made anyway.</translation>
    </message>
    <message>
        <source>Simpan laporan sebagai Excel</source>
        <translation>Save report as Excel</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Simpan laporan sebagai PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Membuat {kind} {period}</source>
        <translation>Making {kind} {period}</translation>
    </message>
    <message>
        <source>Laporan tidak dapat dibuat</source>
        <translation>The report could not be made</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Cancelled; no file was made.</translation>
    </message>
    <message numerus="yes">
        <source>Tersimpan: {path} (%n baris)</source>
        <translation>
            <numerusform>Saved: {path} (%n row)</numerusform>
            <numerusform>Saved: {path} (%n rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>Menyiapkan pratinjau {kind} {period}</source>
        <translation>Preparing the preview of {kind} {period}</translation>
    </message>
    <message>
        <source>Pratinjau tidak dapat dibuat</source>
        <translation>The preview could not be made</translation>
    </message>
    <message>
        <source>Pratinjau dibatalkan.</source>
        <translation>Preview cancelled.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Daftar desa tidak dapat dimuat</source>
        <translation>The village list could not be loaded</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <source>{what} karena kesalahan sistem.</source>
        <translation>{what} because of a system error.</translation>
    </message>
</context>
<context>
    <name>LetterSettings</name>
    <message>
        <source>Surat dan kop</source>
        <translation>Letters and letterhead</translation>
    </message>
    <message>
        <source>Pola nomor surat rujukan</source>
        <translation>Referral letter number pattern</translation>
    </message>
    <message>
        <source>Bagian yang dapat dipakai: {seq} nomor urut (mulai lagi dari 1 setiap tahun; {seq:03d} menulis 001), {site} kode situs, {month_roman} bulan dalam angka Romawi, {month} bulan, {year} tahun.</source>
        <translation>Parts you can use: {seq} sequence number (starts again at 1 every year; {seq:03d} writes 001), {site} site code, {month_roman} month in Roman numerals, {month} month, {year} year.</translation>
    </message>
    <message>
        <source>Simpan pola nomor</source>
        <translation>Save number pattern</translation>
    </message>
    <message>
        <source>Jalan, nomor, desa, kecamatan, kode pos</source>
        <translation>Street, number, village, subdistrict, postcode</translation>
    </message>
    <message>
        <source>Telepon / WhatsApp / surel kantor, bila ada</source>
        <translation>Office phone / WhatsApp / e-mail, if any</translation>
    </message>
    <message>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG, paling besar 512 KB</source>
        <translation>PNG or JPEG image, at most 512 KB</translation>
    </message>
    <message>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Simpan kop</source>
        <translation>Save letterhead</translation>
    </message>
    <message>
        <source>Pratinjau kop…</source>
        <translation>Preview letterhead…</translation>
    </message>
    <message>
        <source>Lihat kop surat seperti yang diisi sekarang, sebelum disimpan</source>
        <translation>See the letterhead as it is filled in now, before saving it</translation>
    </message>
    <message>
        <source>Pola &amp;nomor surat</source>
        <translation>Letter &amp;number pattern</translation>
    </message>
    <message>
        <source>&amp;Alamat di kop</source>
        <translation>Letterhead a&amp;ddress</translation>
    </message>
    <message>
        <source>&amp;Kontak</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Isi pola nomor surat.</source>
        <translation>Enter the letter number pattern.</translation>
    </message>
    <message>
        <source>Contoh surat pertama tahun ini: {number}</source>
        <translation>Example, this year&apos;s first letter: {number}</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tersimpan. Surat rujukan berikutnya bernomor seperti {number}</source>
        <translation>Saved. The next referral letters are numbered like {number}</translation>
    </message>
    <message>
        <source>Tanpa logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Pilih logo kop surat</source>
        <translation>Choose letterhead logo</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Berkas logo terlalu besar (paling besar 512 KB). Perkecil gambarnya lalu pilih lagi.</source>
        <translation>The logo file is too large (at most 512 KB). Make the image smaller, then choose it again.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca.</source>
        <translation>This file is not a readable PNG or JPEG image.</translation>
    </message>
    <message>
        <source>Logo dipilih; tekan Simpan kop untuk memakainya.</source>
        <translation>Logo chosen; press Save letterhead to use it.</translation>
    </message>
    <message>
        <source>Logo akan dihapus saat kop disimpan.</source>
        <translation>The logo will be removed when the letterhead is saved.</translation>
    </message>
    <message>
        <source>Kop surat tersimpan; dipakai di semua cetakan berikutnya.</source>
        <translation>Letterhead saved; it is used on everything printed from now on.</translation>
    </message>
    <message>
        <source>Pratinjau kop surat</source>
        <translation>Letterhead preview</translation>
    </message>
</context>
<context>
    <name>LetterheadPage</name>
    <message>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Tercetak di atas setiap surat rujukan, tanda terima dan daftar.</source>
        <translation>Printed at the top of every referral letter, receipt and list.</translation>
    </message>
    <message>
        <source>&amp;Alamat kantor</source>
        <translation>Office &amp;address</translation>
    </message>
    <message>
        <source>Jalan, nomor, desa, kecamatan, kode pos</source>
        <translation>Street, number, village, subdistrict, postcode</translation>
    </message>
    <message>
        <source>&amp;Kontak</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Telepon / WhatsApp / surel kantor, bila ada</source>
        <translation>Office phone / WhatsApp / e-mail, if any</translation>
    </message>
    <message>
        <source>Logo (boleh kosong)</source>
        <translation>Logo (optional)</translation>
    </message>
    <message>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG, paling besar 512 KB, misalnya lambang kabupaten/kota.</source>
        <translation>A PNG or JPEG image of at most 512 KB, for example the district or city emblem.</translation>
    </message>
    <message>
        <source>Semua isian ini dapat diubah nanti di Pengaturan → Surat dan kop.</source>
        <translation>All of this can be changed later in Settings → Letters and letterhead.</translation>
    </message>
    <message>
        <source>Tanpa logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>Pilih logo kop surat</source>
        <translation>Choose letterhead logo</translation>
    </message>
    <message>
        <source>Gambar PNG atau JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Berkas logo terlalu besar (paling besar 512 KB). Perkecil gambarnya lalu pilih lagi.</source>
        <translation>The logo file is too large (at most 512 KB). Make the image smaller, then choose it again.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Berkas ini bukan gambar PNG atau JPEG yang dapat dibaca.</source>
        <translation>This file is not a readable PNG or JPEG image.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Sedang dipakai oleh {name}. Masukkan kata sandi Anda untuk melanjutkan.</source>
        <translation>In use by {name}. Enter your password to continue.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Ganti pengguna…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>Keluar dari akun ini dan masuk sebagai pengguna lain</source>
        <translation>Sign out of this account and sign in as another user</translation>
    </message>
    <message>
        <source>Layar dikunci otomatis bila komputer tidak dipakai beberapa menit, supaya data warga tidak terlihat oleh orang lain.</source>
        <translation>The screen locks automatically when the computer is not used for a few minutes, so that others cannot see residents&apos; data.</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Tidak dapat membuka kunci karena kesalahan sistem.</source>
        <translation>Cannot unlock because of a system error.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk — {app}</source>
        <translation>Sign in — {app}</translation>
    </message>
    <message>
        <source>Kode situs: {code}</source>
        <translation>Site code: {code}</translation>
    </message>
    <message>
        <source>misalnya: sri.wahyuni</source>
        <translation>for example: sri.wahyuni</translation>
    </message>
    <message>
        <source>Menyiapkan basis data…</source>
        <translation>Preparing the database…</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Isi nama pengguna.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Tidak dapat masuk karena kesalahan sistem.</source>
        <translation>Cannot sign in because of a system error.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Angka bulan ini dan tren 12 bulan: kunjungan, keluhan, dan rujukan menurut hasil.</source>
        <translation>This month&apos;s figures and 12-month trends: visits, complaints, and referrals by outcome.</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Cari atau daftarkan warga dan keluarga, catat kunjungan beserta keperluannya, dan catat kebutuhan yang ditemukan. Warga dicari dengan NIK, nomor KK, atau nama.</source>
        <translation>Find or register residents and households, record visits and their purpose, and record the needs that are found. Residents are found by NIK, family card number or name.</translation>
    </message>
    <message>
        <source>Keluhan</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>Catat pertanyaan, saran, dan pengaduan warga, tentukan tingkat urgensinya, lalu ikuti penanganannya sampai selesai atau dirujuk.</source>
        <translation>Record residents&apos; questions, suggestions and complaints, set their urgency, and follow them until they are resolved or referred.</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Buat rujukan ke dinas atau lembaga layanan, cetak surat dan slip rujukan, catat balasannya, dan pantau rujukan yang lewat batas waktu.</source>
        <translation>Refer residents to government offices or service providers, print referral letters and slips, record the replies, and follow referrals that are past their deadline.</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Rekap bulanan kunjungan, keluhan, kebutuhan, dan rujukan untuk desa dan kabupaten, siap dicetak atau disimpan sebagai berkas Excel.</source>
        <translation>Monthly summaries of visits, complaints, needs and referrals for the village and the district, ready to print or save as Excel files.</translation>
    </message>
    <message>
        <source>Pertukaran Data</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>Kirim dan terima paket data antara Puskesos desa dan sekretariat SLRT kabupaten, dan siapkan usulan DTSEN untuk musyawarah desa dan operator SIKS-NG.</source>
        <translation>Send and receive data packages between the village Puskesos and the district SLRT secretariat, and prepare DTSEN proposals for the village meeting and the SIKS-NG operator.</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Kelola akun petugas, data situs, daftar lembaga layanan rujukan, cadangan basis data, dan bahasa tampilan.</source>
        <translation>Manage staff accounts, site details, the directory of referral services, database backups and the display language.</translation>
    </message>
    <message>
        <source>Data Desa</source>
        <translation>Village Data</translation>
    </message>
    <message>
        <source>Data gabungan semua desa, kemungkinan duplikat, perubahan KK, dan direktori layanan.</source>
        <translation>All villages&apos; data together, possible duplicates, household changes and the service directory.</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Log audit: siapa melakukan apa dan kapan, pemeriksaan keutuhan log, dan penanganan kebocoran data.</source>
        <translation>Audit log: who did what and when, log integrity checks, and data breach handling.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Koordinator Puskesos</source>
        <translation>Puskesos Coordinator</translation>
    </message>
    <message>
        <source>Petugas FO</source>
        <translation>Front Office Officer</translation>
    </message>
    <message>
        <source>Petugas BO</source>
        <translation>Back Office Officer</translation>
    </message>
    <message>
        <source>Operator SIKS-NG desa</source>
        <translation>Village SIKS-NG Operator</translation>
    </message>
    <message>
        <source>Manajer SLRT</source>
        <translation>SLRT Manager</translation>
    </message>
    <message>
        <source>Petugas Sekretariat</source>
        <translation>Secretariat Officer</translation>
    </message>
    <message>
        <source>Operator Kabupaten/Kota</source>
        <translation>District Operator</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Daftar bagian</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>&amp;Cari warga</source>
        <translation>&amp;Find resident</translation>
    </message>
    <message>
        <source>Cari warga atau keluarga dengan NIK, nomor KK, atau nama</source>
        <translation>Find a resident or household by NIK, KK number or name</translation>
    </message>
    <message>
        <source>&amp;Daftarkan keluarga baru</source>
        <translation>Register &amp;new household</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Sign out</translation>
    </message>
    <message>
        <source>Keluar dari akun ini dan kembali ke layar masuk</source>
        <translation>Sign out of this account and return to the sign-in screen</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tentang Puskesos Desk</source>
        <translation>&amp;About Puskesos Desk</translation>
    </message>
    <message>
        <source>Bantuan &amp;layar ini (F1)</source>
        <translation>Help for this &amp;screen (F1)</translation>
    </message>
    <message>
        <source>&amp;Daftar isi bantuan</source>
        <translation>Help &amp;contents</translation>
    </message>
    <message>
        <source>Cetak &amp;panduan singkat meja layanan…</source>
        <translation>Print the &amp;quick desk guide…</translation>
    </message>
    <message>
        <source>Satu halaman untuk ditempel di meja layanan: rutinitas harian, tindak lanjut, dan pertukaran bulanan</source>
        <translation>One page to pin up at the service desk: the daily routine, follow-up and the monthly exchange</translation>
    </message>
    <message>
        <source>Kunci &amp;layar</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <source>Sembunyikan layar sampai kata sandi Anda dimasukkan lagi</source>
        <translation>Hide the screen until your password is entered again</translation>
    </message>
    <message>
        <source>&amp;Ganti pengguna…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <source>Keluar dari akun ini dan masuk sebagai pengguna lain</source>
        <translation>Sign out of this account and sign in as another user</translation>
    </message>
    <message>
        <source>&amp;Ubah kata sandi…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>Basis data: {where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>B&amp;agian</source>
        <translation>&amp;Areas</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Tentang Puskesos Desk</source>
        <translation>About Puskesos Desk</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{app}&lt;/b&gt; versi {version}&lt;/p&gt;&lt;p&gt;Meja layanan Puskesos desa dan sekretariat SLRT kabupaten/kota.&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{app}&lt;/b&gt; version {version}&lt;/p&gt;&lt;p&gt;The service desk of village Puskesos offices and district SLRT secretariats.&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>(ada NIK)</source>
        <translation>(has a NIK)</translation>
    </message>
    <message>
        <source>hhbbtttt</source>
        <translation>ddmmyyyy</translation>
    </message>
    <message>
        <source>Ketik tanggal tanpa pemisah (15051980) atau dengan / (15/05/1980)</source>
        <translation>Type the date without separators (15051980) or with / (15/05/1980)</translation>
    </message>
    <message>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <source>KTP-el</source>
        <translation>e-KTP</translation>
    </message>
    <message>
        <source>Akta lahir</source>
        <translation>Birth certificate</translation>
    </message>
    <message>
        <source>KIA</source>
        <translation>KIA</translation>
    </message>
    <message>
        <source>Buka keluarga itu</source>
        <translation>Open that household</translation>
    </message>
    <message>
        <source>Bandingkan</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>Alasan tanpa NIK</source>
        <translation>Reason for no NIK</translation>
    </message>
    <message>
        <source>Na&amp;ma</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tgl lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status sekolah</source>
        <translation>School status</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Keberadaan</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <source>Dokumen dimiliki</source>
        <translation>Documents held</translation>
    </message>
    <message>
        <source>Isi NIK, atau pilih alasan tidak ada NIK.</source>
        <translation>Enter the NIK, or choose why there is none.</translation>
    </message>
    <message>
        <source>Nama wajib diisi.</source>
        <translation>Name is required.</translation>
    </message>
    <message>
        <source>Tanggal tidak dikenali. Ketik seperti 15051980 atau 15/05/1980.</source>
        <translation>Date not recognised. Type it like 15051980 or 15/05/1980.</translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar atas nama {name}, keluarga {number} (RT {rt}/RW {rw}). Buka keluarga itu bila orangnya sama; bila tetap didaftarkan, data ganda dicatat untuk diperiksa.</source>
        <translation>This NIK is already registered to {name}, household {number} (RT {rt}/RW {rw}). Open that household if it is the same person; if you register anyway, the duplicate is recorded for review.</translation>
    </message>
    <message>
        <source>Mungkin sudah terdaftar: {name}, lahir {born}, keluarga {number}. Bandingkan dulu; pendaftaran tetap bisa disimpan dan kemungkinan ganda dicatat untuk diperiksa.</source>
        <translation>Possibly already registered: {name}, born {born}, household {number}. Compare first; the registration can still be saved and the possible duplicate is recorded for review.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tgl lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>MembersTable</name>
    <message>
        <source>Tampilkan NIK</source>
        <translation>Show NIK</translation>
    </message>
    <message>
        <source>Data pribadi warga…</source>
        <translation>Resident&apos;s personal data…</translation>
    </message>
    <message>
        <source>Koreksi data warga…</source>
        <translation>Correct resident data…</translation>
    </message>
    <message>
        <source>Anggota keluarga</source>
        <translation>Household members</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Umur</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Keberadaan</source>
        <translation>Whereabouts</translation>
    </message>
    <message>
        <source>DTSEN</source>
        <translation>DTSEN</translation>
    </message>
    <message>
        <source>Data khusus</source>
        <translation>Sensitive data</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{dataset} per {date}</source>
        <translation>{dataset} as of {date}</translation>
    </message>
    <message>
        <source>Desil {desil} per {date}</source>
        <translation>Decile {desil} as of {date}</translation>
    </message>
    <message>
        <source>Sakit kronis: {illness}</source>
        <translation>Chronic illness: {illness}</translation>
    </message>
    <message>
        <source>Hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <source>(tanpa NIK)</source>
        <translation>(no NIK)</translation>
    </message>
    <message>
        <source>{n} th</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>Data anak (di bawah 18 tahun) hanya dapat dilihat oleh Koordinator.</source>
        <translation>Data on children (under 18) can be seen only by the Coordinator.</translation>
    </message>
    <message>
        <source>Program di data: {programs}</source>
        <translation>Programmes in the data: {programs}</translation>
    </message>
    <message>
        <source>PPKS: {codes}</source>
        <translation>PPKS: {codes}</translation>
    </message>
</context>
<context>
    <name>MergeNoticeBar</name>
    <message>
        <source>kesalahan sistem</source>
        <translation>system error</translation>
    </message>
    <message>
        <source>Keterangan penggabungan data tidak dapat dimuat: {reason}</source>
        <translation>Merge information could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Data {name} digabung dengan data di {village} (keputusan kabupaten, {date}).</source>
        <translation>{name}&apos;s record was merged with the record in {village} (district decision, {date}).</translation>
    </message>
    <message>
        <source>Data ganda warga {name} dari {village} telah digabung ke data ini (keputusan kabupaten, {date}).</source>
        <translation>A duplicate record of resident {name} from {village} has been merged into this record (district decision, {date}).</translation>
    </message>
</context>
<context>
    <name>MessagesTableModel</name>
    <message>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Kesalahan</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <source>Cara menyiapkan</source>
        <translation>How to set up</translation>
    </message>
    <message>
        <source>Dari mana data situs ini diambil?</source>
        <translation>Where do this site&apos;s details come from?</translation>
    </message>
    <message>
        <source>Buka berkas penyiapan dari kabupaten (dianjurkan)</source>
        <translation>Open the set-up file from the district (recommended)</translation>
    </message>
    <message>
        <source>Sekretariat SLRT kabupaten/kota memberikan berkas ini, biasanya di flashdisk. Nama dan kode desa sudah terisi, daftar layanan rujukan dan hari libur ikut dimuat, dan pertukaran data dengan kabupaten langsung dapat dipakai.</source>
        <translation>The district SLRT secretariat gives you this file, usually on a USB stick. The village name and code are already filled in, the referral services and holidays are loaded with it, and data exchange with the district works right away.</translation>
    </message>
    <message>
        <source>Siapkan sendiri</source>
        <translation>Set up by hand</translation>
    </message>
    <message>
        <source>Bila berkas dari kabupaten belum ada: pilih desa/kelurahan dari daftar wilayah dan isi nama Puskesos. Kabupaten dapat didaftarkan nanti di Pengaturan.</source>
        <translation>If you have no file from the district yet: choose the village from the list of regions and fill in the Puskesos name. The district can be registered later in Settings.</translation>
    </message>
    <message>
        <source>Bukan Puskesos desa/kelurahan?</source>
        <translation>Not a village Puskesos?</translation>
    </message>
    <message>
        <source>Sekretariat SLRT kabupaten/kota (Dinas Sosial), disiapkan sendiri</source>
        <translation>District SLRT secretariat (Dinas Sosial), set up by hand</translation>
    </message>
    <message>
        <source>Hanya untuk kantor yang menerima data dari banyak desa.</source>
        <translation>Only for the office that receives data from many villages.</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Catat kebutuhan — {number}</source>
        <translation>Record need — {number}</translation>
    </message>
    <message>
        <source>Dari kunjungan {number}: {purpose}</source>
        <translation>From visit {number}: {purpose}</translation>
    </message>
    <message>
        <source>Tanpa kunjungan</source>
        <translation>No visit</translation>
    </message>
    <message>
        <source>(seluruh keluarga)</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <source>Kategori PPKS</source>
        <translation>PPKS categories</translation>
    </message>
    <message>
        <source>Kategori baru ditambahkan ke daftar PPKS warga ini.</source>
        <translation>New categories are added to this resident&apos;s PPKS list.</translation>
    </message>
    <message>
        <source>Misalnya: anak putus sekolah karena biaya</source>
        <translation>For example: child dropped out of school because of the cost</translation>
    </message>
    <message>
        <source>&amp;Warga</source>
        <translation>&amp;Resident</translation>
    </message>
    <message>
        <source>&amp;Bidang</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <source>&amp;PPKS</source>
        <translation>&amp;PPKS</translation>
    </message>
    <message>
        <source>Program &amp;diusulkan</source>
        <translation>Proposed pro&amp;gramme</translation>
    </message>
    <message>
        <source>U&amp;raian</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>(belum ditentukan)</source>
        <translation>(not decided yet)</translation>
    </message>
</context>
<context>
    <name>NewMemberPanel</name>
    <message>
        <source>Nama lengkap sesuai KK/akta</source>
        <translation>Full name as on the KK or birth certificate</translation>
    </message>
    <message>
        <source>16 angka; kosongkan bila belum ada</source>
        <translation>16 digits; leave empty if there is none yet</translation>
    </message>
    <message>
        <source>(punya NIK)</source>
        <translation>(has a NIK)</translation>
    </message>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>NI&amp;K</source>
        <translation>NI&amp;K</translation>
    </message>
    <message>
        <source>Alasan tanpa NIK</source>
        <translation>Reason for no NIK</translation>
    </message>
    <message>
        <source>&amp;Jenis kelamin</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <source>&amp;Tanggal lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>&amp;Hubungan dgn kepala keluarga</source>
        <translation>Relations&amp;hip to the head</translation>
    </message>
</context>
<context>
    <name>NewVillageDialog</name>
    <message>
        <source>Tambah desa</source>
        <translation>Add village</translation>
    </message>
    <message>
        <source>Kode desa/kelurahan:</source>
        <translation>Village code:</translation>
    </message>
    <message>
        <source>Nama situs desa:</source>
        <translation>Village site name:</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <source>Akun petugas (boleh dilewati)</source>
        <translation>Officer accounts (optional)</translation>
    </message>
    <message>
        <source>Satu akun untuk setiap orang yang melayani warga. Dapat ditambah kapan saja di Pengaturan → Akun pengguna.</source>
        <translation>One account for each person who serves residents. More can be added at any time in Settings → User accounts.</translation>
    </message>
    <message>
        <source>Pilih peran, isi nama pengguna dan nama lengkap, lalu tekan Buat akun. Kata sandi sementara dibuat otomatis; pemilik akun wajib menggantinya saat pertama kali masuk.</source>
        <translation>Choose the role, fill in the username and full name, then press Create account. A temporary password is generated; the account owner must change it at first sign-in.</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Nama pen&amp;gguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>misalnya: budi.s</source>
        <translation>for example: budi.s</translation>
    </message>
    <message>
        <source>Buat &amp;akun</source>
        <translation>Create &amp;account</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kata sandi sementara</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <source>Kata sandi ini hanya ditampilkan sekali. Cetak atau salin daftar ini sekarang dan serahkan kepada masing-masing petugas.</source>
        <translation>These passwords are shown only once. Print or copy this list now and hand each officer their own line.</translation>
    </message>
    <message>
        <source>Salin daftar</source>
        <translation>Copy list</translation>
    </message>
    <message>
        <source>Cetak daftar…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>Tekan Buat akun untuk membuat akun ini, atau kosongkan nama pengguna untuk melanjutkan tanpa akun itu.</source>
        <translation>Press Create account to create this account, or clear the username to continue without it.</translation>
    </message>
    <message>
        <source>Isi nama pengguna untuk akun ini.</source>
        <translation>Fill in the username for this account.</translation>
    </message>
    <message>
        <source>Membuat akun…</source>
        <translation>Creating the account…</translation>
    </message>
    <message>
        <source>Akun {name} dibuat.</source>
        <translation>Account {name} created.</translation>
    </message>
    <message>
        <source>Akun {site}</source>
        <translation>Accounts of {site}</translation>
    </message>
    <message>
        <source>Wajib mengganti kata sandi saat pertama kali masuk.</source>
        <translation>The password must be changed at first sign-in.</translation>
    </message>
    <message>
        <source>Serahkan setiap baris kepada pemiliknya saja. Kata sandi sementara wajib diganti saat pertama kali masuk. Musnahkan kertas ini setelah semua akun dipakai.</source>
        <translation>Give each line to its owner only. Temporary passwords must be changed at first sign-in. Destroy this sheet once every account has been used.</translation>
    </message>
    <message>
        <source>Daftar disalin.</source>
        <translation>List copied.</translation>
    </message>
    <message>
        <source>Cetak daftar akun</source>
        <translation>Print account list</translation>
    </message>
    <message>
        <source>Daftar dikirim ke printer.</source>
        <translation>List sent to the printer.</translation>
    </message>
</context>
<context>
    <name>PackagePasswordBox</name>
    <message>
        <source>Lindungi dengan kata sandi</source>
        <translation>Protect with a password</translation>
    </message>
    <message>
        <source>Kata sandi paket</source>
        <translation>Package password</translation>
    </message>
    <message>
        <source>minimal 8 karakter</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Ulangi kata sandi paket</source>
        <translation>Repeat the package password</translation>
    </message>
    <message>
        <source>Berkas dienkripsi (AES-256) dan hanya dapat dibuka di Excel, LibreOffice atau Puskesos Desk dengan kata sandi ini. Beritahukan kata sandinya kepada penerima lewat telepon atau langsung, jangan di flashdisk atau surel yang sama.</source>
        <translation>The file is encrypted (AES-256) and opens in Excel, LibreOffice or Puskesos Desk only with this password. Tell the receiver the password by phone or in person, never on the same USB stick or in the same e-mail.</translation>
    </message>
    <message>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Ulangi:</source>
        <translation>Repeat:</translation>
    </message>
    <message>
        <source>Lindungi dengan kata sandi (diwajibkan kabupaten/kota)</source>
        <translation>Protect with a password (required by the district)</translation>
    </message>
</context>
<context>
    <name>PackagePasswordSetting</name>
    <message>
        <source>Kata sandi paket pertukaran</source>
        <translation>Exchange package password</translation>
    </message>
    <message>
        <source>Setiap paket pertukaran wajib dilindungi kata sandi</source>
        <translation>Every exchange package must be password-protected</translation>
    </message>
    <message>
        <source>Bila aktif, paket desa yang tidak dilindungi kata sandi ditolak saat diterima, dan setiap paket yang dikirim kabupaten/kota harus diberi kata sandi. Desa mengikuti aturan ini setelah menerima paket balasan berikutnya. Sampaikan kata sandi lewat telepon atau langsung, jangan bersama berkasnya.</source>
        <translation>When on, a village package without a password is refused on receipt, and every package the district sends must have a password. Villages follow this rule once they receive the next return package. Give passwords by phone or in person, never together with the file.</translation>
    </message>
    <message>
        <source>Diatur oleh Sekretariat SLRT kabupaten/kota dan sampai ke desa lewat paket balasan. Bila aktif, paket yang dikirim desa harus diberi kata sandi.</source>
        <translation>Set by the district SLRT secretariat and delivered to the village in return packages. When on, packages the village sends must have a password.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tersimpan: paket tanpa kata sandi akan ditolak.</source>
        <translation>Saved: packages without a password will be refused.</translation>
    </message>
    <message>
        <source>Tersimpan: paket boleh dikirim tanpa kata sandi.</source>
        <translation>Saved: packages may be sent without a password.</translation>
    </message>
</context>
<context>
    <name>PackagesTableModel</name>
    <message>
        <source>Arah</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pengirim → penerima</source>
        <translation>Sender → recipient</translation>
    </message>
    <message>
        <source>Urutan</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Dari {sender}
untuk {receiver}</source>
        <translation>From {sender}
to {receiver}</translation>
    </message>
</context>
<context>
    <name>ParticipationDialog</name>
    <message>
        <source>Catat kepesertaan program — {number}</source>
        <translation>Record programme participation — {number}</translation>
    </message>
    <message>
        <source>(seluruh keluarga)</source>
        <translation>(whole household)</translation>
    </message>
    <message>
        <source>Nomor &amp;kartu</source>
        <translation>&amp;Card number</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Misalnya: nonaktif sejak Mei, ditolak di puskesmas</source>
        <translation>For example: inactive since May, turned away at the health centre</translation>
    </message>
    <message>
        <source>&amp;Peserta</source>
        <translation>&amp;Participant</translation>
    </message>
    <message>
        <source>P&amp;rogram</source>
        <translation>P&amp;rogramme</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>S&amp;ejak</source>
        <translation>S&amp;ince</translation>
    </message>
    <message>
        <source>S&amp;umber keterangan</source>
        <translation>Source of in&amp;formation</translation>
    </message>
    <message>
        <source>Keadaan per &amp;tanggal</source>
        <translation>As of &amp;date</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Nomor &amp;kartu {card}</source>
        <translation>{card} n&amp;umber</translation>
    </message>
    <message>
        <source>Boleh kosong bila kartu tidak dibawa</source>
        <translation>May be left empty if the card was not brought</translation>
    </message>
    <message>
        <source>Tanggal tidak valid; ketik hari/bulan/tahun, misalnya 01052026.</source>
        <translation>Invalid date; type day/month/year, for example 01052026.</translation>
    </message>
</context>
<context>
    <name>PasswordNoteDialog</name>
    <message>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Kata sandi baru untuk akun {name}. Serahkan langsung kepada pemiliknya; ia wajib menggantinya saat masuk. Kata sandi ini tidak akan ditampilkan lagi.</source>
        <translation>New password for the account {name}. Hand it to its owner in person; they must change it when signing in. This password will not be shown again.</translation>
    </message>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>F4 / Folio (215 × 330 mm)</source>
        <translation>F4 / Folio (215 × 330 mm)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>A5 (148 × 210 mm)</source>
        <translation>A5 (148 × 210 mm)</translation>
    </message>
    <message>
        <source>Berkas PDF tidak dapat disimpan di {path}: {reason}</source>
        <translation>The PDF file could not be saved to {path}: {reason}</translation>
    </message>
    <message>
        <source>Ukuran kertas</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <source>Selebar jendela</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Pratinjau halaman</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <source>Memuat pratinjau…</source>
        <translation>Loading preview…</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Pilih printer lalu cetak (Ctrl+P)</source>
        <translation>Choose a printer, then print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Simpan sebagai berkas PDF untuk diserahkan dengan cara lain (Ctrl+S)</source>
        <translation>Save as a PDF file to hand over some other way (Ctrl+S)</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Kertas</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <source>Perbesaran</source>
        <translation>Zoom</translation>
    </message>
    <message numerus="yes">
        <source>%n halaman</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>{total}; pratinjau {shown} halaman pertama, semuanya dicetak</source>
        <translation>{total}; the first {shown} shown, all are printed</translation>
    </message>
    <message>
        <source>Pratinjau saja: dokumen ini belum dapat dicetak.</source>
        <translation>Preview only: this document cannot be printed yet.</translation>
    </message>
    <message>
        <source>Periksa isi surat sebelum mencetak. Setiap cetakan dan simpanan dicatat.</source>
        <translation>Check the letter before printing. Every print and every save is recorded.</translation>
    </message>
    <message>
        <source>Pratinjau tidak dapat dibuat: {reason}</source>
        <translation>The preview could not be made: {reason}</translation>
    </message>
    <message>
        <source>Pratinjau tidak dapat dibuat karena kesalahan sistem.</source>
        <translation>The preview could not be made because of a system error.</translation>
    </message>
    <message>
        <source>Halaman {n} dari {total}</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Simpan sebagai PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Mencatat dan menyiapkan cetakan…</source>
        <translation>Recording and preparing the printout…</translation>
    </message>
    <message>
        <source>Mengirim ke printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message numerus="yes">
        <source>Terkirim ke printer: %n halaman.</source>
        <translation>
            <numerusform>Sent to the printer: %n page.</numerusform>
            <numerusform>Sent to the printer: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cetakan sudah dicatat, tetapi printer tidak dapat mencetaknya. Periksa printer, lalu tekan Cetak lagi (akan dicatat sebagai cetak ulang).</source>
        <translation>The printout was recorded, but the printer could not print it. Check the printer, then press Print again (it will be recorded as a reprint).</translation>
    </message>
    <message>
        <source>Mencatat dan menyimpan…</source>
        <translation>Recording and saving…</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Tidak dapat dicetak atau disimpan karena kesalahan sistem.</source>
        <translation>Could not print or save because of a system error.</translation>
    </message>
    <message>
        <source>Tunggu sebentar: cetakan atau berkas sedang diproses.</source>
        <translation>Please wait: the printout or file is being processed.</translation>
    </message>
</context>
<context>
    <name>PersonCorrectionDialog</name>
    <message>
        <source>Koreksi data warga</source>
        <translation>Correct resident data</translation>
    </message>
    <message>
        <source>Kosongkan bila NIK tidak berubah</source>
        <translation>Leave empty if the NIK does not change</translation>
    </message>
    <message>
        <source>Data spesifik (hanya petugas berwenang)</source>
        <translation>Sensitive data (authorised staff only)</translation>
    </message>
    <message>
        <source>Sedang hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <source>Data spesifik (disabilitas, penyakit, kehamilan) tidak ditampilkan untuk akun ini dan tidak ikut diubah.</source>
        <translation>Sensitive data (disability, illness, pregnancy) is not shown to this account and is left unchanged.</translation>
    </message>
    <message>
        <source>NIK tercatat</source>
        <translation>Recorded NIK</translation>
    </message>
    <message>
        <source>&amp;NIK baru</source>
        <translation>New &amp;NIK</translation>
    </message>
    <message>
        <source>Alasan tanpa NIK</source>
        <translation>Reason for no NIK</translation>
    </message>
    <message>
        <source>Na&amp;ma</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal &amp;lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Status sekolah</source>
        <translation>School status</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Kewarganegaraan</source>
        <translation>Citizenship</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Penyakit kronis</source>
        <translation>Chronic illness</translation>
    </message>
    <message>
        <source>Perkiraan lahir</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Kehamilan</source>
        <translation>Pregnancy</translation>
    </message>
    <message>
        <source>keluarga {number}</source>
        <translation>household {number}</translation>
    </message>
    <message>
        <source>tanpa keluarga</source>
        <translation>no household</translation>
    </message>
    <message>
        <source>(tidak ada NIK)</source>
        <translation>(no NIK)</translation>
    </message>
    <message>
        <source>(NIK tidak berubah)</source>
        <translation>(NIK unchanged)</translation>
    </message>
    <message>
        <source>Tanggal tidak dikenali; ketik seperti 15/05/1980.</source>
        <translation>Date not recognised; type it like 15/05/1980.</translation>
    </message>
</context>
<context>
    <name>PersonPrivacyDialog</name>
    <message>
        <source>Data pribadi warga</source>
        <translation>Resident&apos;s personal data</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Diberikan oleh</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Cara</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Penerima</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Dicabut</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Cabut persetujuan…</source>
        <translation>Withdraw consent…</translation>
    </message>
    <message>
        <source>Warga menarik persetujuan tegasnya; data yang sudah dibagikan tidak ditarik kembali, tetapi tidak dibagikan lagi tanpa persetujuan baru</source>
        <translation>The resident withdraws their explicit consent; data already shared is not recalled, but is not shared again without new consent</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Jumlah catatan</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Ringkasan ini tidak dicatat sebagai pengungkapan; salinan yang dicetak, disimpan, atau diekspor dicatat di log audit beserta siapa yang memintanya.</source>
        <translation>This summary is not recorded as a disclosure; copies that are printed, saved or exported are recorded in the audit log together with who asked for them.</translation>
    </message>
    <message>
        <source>Hanya Koordinator yang dapat melihat ringkasan dan membuat salinan data warga.</source>
        <translation>Only the Coordinator can see the summary and make copies of a resident&apos;s data.</translation>
    </message>
    <message>
        <source>Cetak salinan data…</source>
        <translation>Print a copy of the data…</translation>
    </message>
    <message>
        <source>Ekspor Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Hapus data warga…</source>
        <translation>Erase resident data…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Ringkasan data</source>
        <translation>Data summary</translation>
    </message>
    <message>
        <source>Belum ada pemberitahuan atau persetujuan yang tercatat untuk warga ini.</source>
        <translation>No notice or consent has been recorded for this resident yet.</translation>
    </message>
    <message>
        <source>Data pribadi: {name}</source>
        <translation>Personal data: {name}</translation>
    </message>
    <message>
        <source>Simpan salinan data</source>
        <translation>Save a copy of the data</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Hapus data warga</source>
        <translation>Erase resident data</translation>
    </message>
    <message>
        <source>Data {name} akan dihapus sejauh diizinkan undang-undang. Tuliskan alasannya (mis. permintaan warga tanggal …):</source>
        <translation>The data of {name} will be erased as far as the law allows. Write the reason (e.g. resident&apos;s request dated …):</translation>
    </message>
    <message>
        <source>Cabut persetujuan</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Persetujuan ini dicabut mulai sekarang; data tidak dibagikan lagi untuk tujuan itu. Keterangan (mis. permintaan warga di loket):</source>
        <translation>This consent is withdrawn from now on; the data is no longer shared for that purpose. Note (e.g. the resident&apos;s request at the desk):</translation>
    </message>
    <message>
        <source>Salinan data pribadi</source>
        <translation>Copy of personal data</translation>
    </message>
    <message>
        <source>Salinan disimpan di {path}. Serahkan kepada yang meminta, lalu hapus berkas dari komputer ini.</source>
        <translation>Copy saved to {path}. Hand it to the person who asked for it, then delete the file from this computer.</translation>
    </message>
    <message>
        <source>Persetujuan dicabut dan dicatat di log audit.</source>
        <translation>Consent withdrawn and recorded in the audit log.</translation>
    </message>
    <message>
        <source>Data warga telah dihapus sejauh diizinkan undang-undang.</source>
        <translation>The resident&apos;s data has been erased as far as the law allows.</translation>
    </message>
</context>
<context>
    <name>PertukaranPage</name>
    <message>
        <source>Pertukaran Data</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>Kirim data Puskesos ke Sekretariat SLRT kabupaten/kota dan terima jawabannya (hasil rujukan, keputusan usulan, direktori layanan) sebagai paket Excel bertanda tangan, lewat flashdisk, surel, atau WhatsApp.</source>
        <translation>Send Puskesos data to the district SLRT secretariat and receive its replies (referral outcomes, proposal decisions, service directory) as signed Excel packages, by flash drive, e-mail or WhatsApp.</translation>
    </message>
    <message>
        <source>Terima paket data dari Puskesos desa/kelurahan dan kirim jawabannya (hasil rujukan, keputusan usulan, direktori layanan) sebagai paket Excel bertanda tangan, lewat flashdisk, surel, atau WhatsApp.</source>
        <translation>Receive data packages from village Puskesos offices and send them replies (referral outcomes, proposal decisions, service directory) as signed Excel packages, by flash drive, e-mail or WhatsApp.</translation>
    </message>
    <message>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Terima</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>Riwayat &amp;&amp; Konflik</source>
        <translation>History &amp;&amp; conflicts</translation>
    </message>
    <message>
        <source>Data DTSEN</source>
        <translation>DTSEN data</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Villages</translation>
    </message>
</context>
<context>
    <name>PrintSettings</name>
    <message>
        <source>Kertas dan printer</source>
        <translation>Paper and printer</translation>
    </message>
    <message>
        <source>&amp;Kertas</source>
        <translation>&amp;Paper</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>P&amp;rinter</translation>
    </message>
    <message>
        <source>PDF (tanpa printer: simpan sebagai berkas)</source>
        <translation>PDF (no printer: save as a file)</translation>
    </message>
    <message>
        <source>Cetak halaman &amp;uji</source>
        <translation>Print &amp;test page</translation>
    </message>
    <message>
        <source>Satu halaman dengan kop surat, tanpa data warga</source>
        <translation>One page with the letterhead, without resident data</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Dipilih lebih dulu setiap kali mencetak di komputer ini; tetap dapat diganti saat mencetak. Disimpan untuk pengguna Windows ini.</source>
        <translation>Preselected every time you print on this computer; it can still be changed when printing. Saved for this Windows user.</translation>
    </message>
    <message>
        <source>Tersimpan: {paper}, {printer}.</source>
        <translation>Saved: {paper}, {printer}.</translation>
    </message>
    <message>
        <source>Simpan halaman uji</source>
        <translation>Save test page</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Menyiapkan halaman uji…</source>
        <translation>Preparing the test page…</translation>
    </message>
    <message>
        <source>Halaman uji disimpan: {path}</source>
        <translation>Test page saved: {path}</translation>
    </message>
    <message>
        <source>Halaman uji terkirim ke {printer}. Periksa: kop surat terbaca jelas dan tidak ada bagian yang terpotong.</source>
        <translation>Test page sent to {printer}. Check that the letterhead is clearly legible and nothing is cut off.</translation>
    </message>
    <message>
        <source>Printer tidak dapat mencetak. Periksa printer menyala, kertas terpasang dan kabelnya tersambung, lalu coba lagi.</source>
        <translation>The printer cannot print. Check that the printer is on, paper is loaded and the cable is connected, then try again.</translation>
    </message>
    <message>
        <source>Halaman uji tidak dapat dibuat karena kesalahan sistem.</source>
        <translation>The test page could not be created because of a system error.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Kertas dan printer</source>
        <translation>Paper and printer</translation>
    </message>
    <message>
        <source>Ukuran kertas dan printer yang dipakai komputer ini.</source>
        <translation>The paper size and printer this computer uses.</translation>
    </message>
    <message>
        <source>Kebanyakan kantor desa memakai kertas F4 (folio). Tekan Cetak halaman uji untuk mencoba printer: satu halaman dengan kop surat keluar. Tanpa printer, pilih PDF: dokumen disimpan sebagai berkas.</source>
        <translation>Most village offices use F4 (folio) paper. Press Print test page to try the printer: one page with the letterhead comes out. Without a printer, choose PDF: documents are saved as files.</translation>
    </message>
    <message>
        <source>Dapat diubah nanti di Pengaturan → Kertas dan printer.</source>
        <translation>Can be changed later in Settings → Paper and printer.</translation>
    </message>
</context>
<context>
    <name>ProgressTask</name>
    <message>
        <source>Kemajuan</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>%v dari %m baris</source>
        <translation>%v of %m rows</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Atap</source>
        <translation>Roof</translation>
    </message>
    <message>
        <source>Dinding</source>
        <translation>Walls</translation>
    </message>
    <message>
        <source>Lantai</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Sumber air minum</source>
        <translation>Drinking water source</translation>
    </message>
    <message>
        <source>Penerangan</source>
        <translation>Lighting</translation>
    </message>
    <message>
        <source>Bahan bakar memasak</source>
        <translation>Cooking fuel</translation>
    </message>
    <message>
        <source>Fasilitas BAB</source>
        <translation>Toilet facilities</translation>
    </message>
    <message>
        <source>Usulan DTSEN — {number}</source>
        <translation>DTSEN proposal — {number}</translation>
    </message>
    <message>
        <source>Anggota yang diusulkan</source>
        <translation>Proposed members</translation>
    </message>
    <message>
        <source>(pilih)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>Misalnya: keluarga belum pernah terdata; kepala keluarga sakit</source>
        <translation>For example: household never recorded before; head of household is ill</translation>
    </message>
    <message>
        <source>Puskesos hanya mengusulkan. Usulan dibahas di musdes/muskel, lalu diinput operator SIKS-NG desa; penetapan oleh Kementerian Sosial.</source>
        <translation>Puskesos only proposes. Proposals are discussed at the musdes/muskel, then entered by the village SIKS-NG operator; the Ministry of Social Affairs makes the decision.</translation>
    </message>
    <message>
        <source>&amp;Jenis usulan</source>
        <translation>Proposal &amp;type</translation>
    </message>
    <message>
        <source>&amp;Anggota</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <source>Usulan bansos</source>
        <translation>Proposed assistance</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Kriteria Kepmensos 262/HUK/2022 — centang bila jawabannya Ya</source>
        <translation>Kepmensos 262/HUK/2022 criteria — tick if the answer is Yes</translation>
    </message>
    <message>
        <source>Tidak punya tempat tinggal: langsung termasuk fakir miskin.</source>
        <translation>No place to live: automatically counts as destitute (fakir miskin).</translation>
    </message>
    <message>
        <source>Jawaban Ya: {met} dari {total}</source>
        <translation>Yes answers: {met} of {total}</translation>
    </message>
</context>
<context>
    <name>ProposalStatusDialog</name>
    <message>
        <source>Status usulan {number}</source>
        <translation>Status of proposal {number}</translation>
    </message>
    <message>
        <source>Nomor berita acara, misalnya 140/12/VIII/2026</source>
        <translation>Minutes number, for example 140/12/VIII/2026</translation>
    </message>
    <message>
        <source>Usulan diajukan ke operator SIKS-NG setelah dibahas di musdes/muskel. Puskesos hanya mengusulkan; penetapan oleh Kementerian Sosial.</source>
        <translation>Proposals go to the SIKS-NG operator after discussion at the musdes/muskel. Puskesos only proposes; the Ministry of Social Affairs makes the decision.</translation>
    </message>
    <message>
        <source>Status sekarang</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>Status &amp;baru</source>
        <translation>&amp;New status</translation>
    </message>
    <message>
        <source>Tanggal &amp;musdes/muskel</source>
        <translation>&amp;Musdes/muskel date</translation>
    </message>
    <message>
        <source>No. &amp;berita acara</source>
        <translation>Minutes n&amp;o.</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Tanggal tidak valid (hari/bulan/tahun).</source>
        <translation>Invalid date (day/month/year).</translation>
    </message>
</context>
<context>
    <name>QuickGuideAction</name>
    <message>
        <source>Panduan singkat meja layanan</source>
        <translation>Service desk quick guide</translation>
    </message>
</context>
<context>
    <name>ReferralAgencyTab</name>
    <message>
        <source>Kirim lembar berisi rujukan yang menunggu jawaban kepada instansi tujuan, lalu impor lembar yang sudah diisinya. Hasilnya dicatat sebagai kabar dari sekretariat; bila satu baris salah, tidak ada yang dicatat sampai berkasnya diperbaiki.</source>
        <translation>Send the receiving agency a sheet of the referrals waiting for its answer, then import the sheet it filled in. The results are recorded as news from the secretariat; if one row is wrong, nothing is recorded until the file is corrected.</translation>
    </message>
    <message>
        <source>Lembar untuk instansi…</source>
        <translation>Sheet for an agency…</translation>
    </message>
    <message>
        <source>Impor hasil dari instansi…</source>
        <translation>Import agency results…</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Pesan pemeriksaan lembar instansi</source>
        <translation>Agency sheet check messages</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Simpan lembar untuk instansi</source>
        <translation>Save the sheet for the agency</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Lembar untuk instansi disimpan: {path} ({rows} rujukan). Berkas ini berisi data pribadi; pengirimannya tercatat di register ekspor.</source>
        <translation>Sheet for the agency saved: {path} ({rows} referrals). This file holds personal data; sending it is recorded in the export register.</translation>
    </message>
    <message>
        <source>Pilih lembar yang sudah diisi instansi</source>
        <translation>Choose the sheet the agency filled in</translation>
    </message>
    <message>
        <source>dicatat {applied}, sudah tercatat {unchanged}, kosong {skipped}, salah {errors}</source>
        <translation>recorded {applied}, already recorded {unchanged}, empty {skipped}, wrong {errors}</translation>
    </message>
    <message>
        <source>Lembar {name} dapat diterapkan ({counts}). Tekan Terapkan untuk mencatat hasilnya.</source>
        <translation>Sheet {name} can be applied ({counts}). Press Apply to record the results.</translation>
    </message>
    <message>
        <source>Hasil dari {name} dicatat ({counts}).</source>
        <translation>Results from {name} recorded ({counts}).</translation>
    </message>
    <message>
        <source>Lembar {name} ditolak: tidak ada yang dicatat ({counts}). Perbaiki baris yang disebut lalu impor lagi.</source>
        <translation>Sheet {name} refused: nothing was recorded ({counts}). Correct the rows named, then import again.</translation>
    </message>
</context>
<context>
    <name>ReferralDetailPanel</name>
    <message>
        <source>Pilih rujukan di daftar untuk melihat rinciannya, atau pindai kode QR lembar balasan di atas.</source>
        <translation>Choose a referral in the list to see its details, or scan the QR code of a return stub above.</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Nomor keluarga</source>
        <translation>Household number</translation>
    </message>
    <message>
        <source>Lembaga tujuan</source>
        <translation>Receiving organisation</translation>
    </message>
    <message>
        <source>Layanan yang dimohon</source>
        <translation>Service requested</translation>
    </message>
    <message>
        <source>Ringkasan masalah</source>
        <translation>Problem summary</translation>
    </message>
    <message>
        <source>Status DTSEN</source>
        <translation>DTSEN status</translation>
    </message>
    <message>
        <source>Dokumen dibawa</source>
        <translation>Documents brought</translation>
    </message>
    <message>
        <source>Disusun oleh</source>
        <translation>Drafted by</translation>
    </message>
    <message>
        <source>Disetujui oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Dicetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Setujui &amp;&amp; tandatangani</source>
        <translation>Approve &amp;&amp; sign</translation>
    </message>
    <message>
        <source>Koordinator memutuskan layanan dan menandatangani surat rujukan</source>
        <translation>The Coordinator decides on the service and signs the referral letter</translation>
    </message>
    <message>
        <source>Pratinjau / Cetak surat</source>
        <translation>Preview / print letter</translation>
    </message>
    <message>
        <source>Catat tanggapan…</source>
        <translation>Record response…</translation>
    </message>
    <message>
        <source>Kembalikan ke draf</source>
        <translation>Return to draft</translation>
    </message>
    <message>
        <source>Kembalikan ke petugas untuk diperbaiki sebelum dicetak</source>
        <translation>Send back to the officer to be corrected before printing</translation>
    </message>
    <message>
        <source>Batalkan rujukan…</source>
        <translation>Cancel referral…</translation>
    </message>
    <message>
        <source>Buka keluarga</source>
        <translation>Open household</translation>
    </message>
    <message numerus="yes">
        <source>Lewat batas jawaban %n hari kerja: hubungi lembaga tujuan.</source>
        <translation>
            <numerusform>Reply %n working day overdue: contact the receiving organisation.</numerusform>
            <numerusform>Reply %n working days overdue: contact the receiving organisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>{name}, {date}</source>
        <translation>{name}, {date}</translation>
    </message>
    <message>
        <source>dihitung saat surat pertama kali dicetak</source>
        <translation>set when the letter is first printed</translation>
    </message>
    <message numerus="yes">
        <source>%n kali</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Ditolak: {reason}</source>
        <translation>Rejected: {reason}</translation>
    </message>
    <message>
        <source>{outcome} ({date})</source>
        <translation>{outcome} ({date})</translation>
    </message>
    <message>
        <source>Diterima lembaga tujuan {date}</source>
        <translation>Accepted by the receiving organisation on {date}</translation>
    </message>
    <message>
        <source>Belum ada riwayat.</source>
        <translation>No history yet.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Buat rujukan — {number}</source>
        <translation>New referral — {number}</translation>
    </message>
    <message>
        <source>Misalnya: aktivasi kembali kepesertaan PBI-JK</source>
        <translation>For example: reactivating PBI-JK membership</translation>
    </message>
    <message>
        <source>Masalah warga secara singkat, untuk petugas lembaga tujuan</source>
        <translation>The resident&apos;s problem in brief, for the staff of the receiving organisation</translation>
    </message>
    <message>
        <source>Dokumen yang dibawa</source>
        <translation>Documents brought</translation>
    </message>
    <message>
        <source>Layanan ini tidak mensyaratkan dokumen.</source>
        <translation>This service requires no documents.</translation>
    </message>
    <message>
        <source>Cantumkan NIK dan No. KK lengkap di surat</source>
        <translation>Show the full NIK and KK number on the letter</translation>
    </message>
    <message>
        <source>Lembaga non-pemerintah: perlu persetujuan warga yang tercatat. Data warga hanya boleh dibagikan bila persetujuan &quot;rujukan non-pemerintah&quot; sudah dicatat pada kunjungannya.</source>
        <translation>Non-government organisation: the resident&apos;s recorded consent is needed. Resident data may be shared only if consent to &quot;sharing data with non-government organisations&quot; was recorded at their visit.</translation>
    </message>
    <message>
        <source>Nomor surat diberikan saat disimpan. Rujukan disimpan sebagai draf dan dicetak setelah disetujui Koordinator.</source>
        <translation>The letter number is assigned on saving. The referral is saved as a draft and printed once the Coordinator approves it.</translation>
    </message>
    <message>
        <source>&amp;Warga yang dirujuk</source>
        <translation>&amp;Resident referred</translation>
    </message>
    <message>
        <source>&amp;Layanan tujuan</source>
        <translation>&amp;Service</translation>
    </message>
    <message>
        <source>Tentang layanan ini</source>
        <translation>About this service</translation>
    </message>
    <message>
        <source>Layanan yang &amp;dimohon</source>
        <translation>Service re&amp;quested</translation>
    </message>
    <message>
        <source>&amp;Ringkasan masalah</source>
        <translation>Problem s&amp;ummary</translation>
    </message>
    <message>
        <source>D&amp;okumen yang dibawa</source>
        <translation>&amp;Documents brought</translation>
    </message>
    <message>
        <source>Dari kebutuhan {number}: {domain}</source>
        <translation>From need {number}: {domain}</translation>
    </message>
    <message>
        <source>Dari keluhan {number}: {category}</source>
        <translation>From complaint {number}: {category}</translation>
    </message>
    <message>
        <source>Rujukan tanpa kebutuhan atau keluhan yang tercatat</source>
        <translation>Referral without a recorded need or complaint</translation>
    </message>
    <message>
        <source>sesuai kebutuhan</source>
        <translation>fits the need</translation>
    </message>
    <message>
        <source>sesuai keluhan</source>
        <translation>fits the complaint</translation>
    </message>
    <message>
        <source>NIK dan No. KK dicetak lengkap; hanya bila lembaga tujuan memerlukannya.</source>
        <translation>The NIK and KK number are printed in full; only if the receiving organisation needs them.</translation>
    </message>
    <message>
        <source>Tanpa centang, NIK dan No. KK disamarkan di surat (misalnya 3322••••••••0001).</source>
        <translation>If unticked, the NIK and KK number are masked on the letter (for example 3322••••••••0001).</translation>
    </message>
    <message>
        <source>Lembaga ini memerlukan NIK dan No. KK lengkap.</source>
        <translation>This organisation needs the full NIK and KK number.</translation>
    </message>
    <message>
        <source>{n} / {limit} karakter</source>
        <translation>{n} / {limit} characters</translation>
    </message>
    <message>
        <source>Pilih warga yang dirujuk.</source>
        <translation>Choose the resident to refer.</translation>
    </message>
    <message>
        <source>Pilih layanan tujuan dari daftar.</source>
        <translation>Choose a service from the list.</translation>
    </message>
</context>
<context>
    <name>ReferralLabels</name>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Dikirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Diproses</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Tidak ada kabar</source>
        <translation>No reply</translation>
    </message>
    <message>
        <source>Terlayani penuh</source>
        <translation>Fully served</translation>
    </message>
    <message>
        <source>Terlayani sebagian</source>
        <translation>Partly served</translation>
    </message>
    <message>
        <source>Tidak terlayani</source>
        <translation>Not served</translation>
    </message>
    <message>
        <source>Lembar balasan</source>
        <translation>Return stub</translation>
    </message>
    <message>
        <source>Telepon / WhatsApp</source>
        <translation>Phone / WhatsApp</translation>
    </message>
    <message>
        <source>Laporan warga</source>
        <translation>Resident&apos;s report</translation>
    </message>
    <message>
        <source>Sekretariat SLRT</source>
        <translation>SLRT secretariat</translation>
    </message>
</context>
<context>
    <name>ReferralListTab</name>
    <message>
        <source>Cari nomor surat, nama warga, atau lembaga/layanan</source>
        <translation>Search by letter number, resident name or organisation/service</translation>
    </message>
    <message>
        <source>Cari rujukan</source>
        <translation>Search referrals</translation>
    </message>
    <message>
        <source>Saring menurut status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Cetak semua yang siap (0)</source>
        <translation>Print all ready (0)</translation>
    </message>
    <message>
        <source>Pratinjau dan cetak sekaligus semua surat rujukan yang sudah disetujui tetapi belum dicetak</source>
        <translation>Preview and print in one go all referral letters that are approved but not yet printed</translation>
    </message>
    <message>
        <source>Daftar rujukan</source>
        <translation>Referral list</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Cetak semua yang siap ({n})</source>
        <translation>Print all ready ({n})</translation>
    </message>
    <message numerus="yes">
        <source>%n rujukan</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lewat batas jawaban</source>
        <translation>
            <numerusform>%n past the reply deadline</numerusform>
            <numerusform>%n past the reply deadline</numerusform>
        </translation>
    </message>
    <message>
        <source>Daftar rujukan tidak dapat dimuat: {reason}</source>
        <translation>The referral list could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Daftar rujukan tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The referral list could not be loaded because of a system error.</translation>
    </message>
</context>
<context>
    <name>ReferralSection</name>
    <message>
        <source>Belum ada rujukan.</source>
        <translation>No referrals yet.</translation>
    </message>
    <message>
        <source>Rujuk…</source>
        <translation>Refer…</translation>
    </message>
    <message>
        <source>Rujuk kebutuhan yang dipilih ke layanan di direktori</source>
        <translation>Refer the selected need to a service in the directory</translation>
    </message>
    <message>
        <source>Rujuk keluhan yang dipilih ke layanan di direktori</source>
        <translation>Refer the selected complaint to a service in the directory</translation>
    </message>
    <message>
        <source>Rujukan baru…</source>
        <translation>New referral…</translation>
    </message>
    <message>
        <source>Rujuk anggota yang dipilih di tabel anggota (atau kepala keluarga)</source>
        <translation>Refer the member selected in the member table (or the head of household)</translation>
    </message>
    <message>
        <source>Buka di Rujukan</source>
        <translation>Open in Referrals</translation>
    </message>
    <message>
        <source>Lihat riwayat, setujui, cetak, atau catat tanggapan di area Rujukan</source>
        <translation>See the history, approve, print or record a response in the Referrals area</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Hanya Koordinator dan Petugas BO yang dapat membuat rujukan.</source>
        <translation>Only the Coordinator and Back Office Officers can make referrals.</translation>
    </message>
    <message>
        <source>Rujukan {number} untuk {name} tersimpan sebagai draf; menunggu persetujuan Koordinator sebelum dicetak.</source>
        <translation>Referral {number} for {name} saved as a draft; it awaits the Coordinator&apos;s approval before printing.</translation>
    </message>
</context>
<context>
    <name>ReferralStatsTab</name>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Statistik per layanan</source>
        <translation>Statistics by service</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Rujukan terlambat</source>
        <translation>Overdue referrals</translation>
    </message>
    <message>
        <source>Enter atau klik dua kali pada rujukan terlambat: tampilkan di daftar rujukan.</source>
        <translation>Enter or double-click an overdue referral: show it in the referral list.</translation>
    </message>
    <message>
        <source>Belum ada surat rujukan yang dikirim.</source>
        <translation>No referral letters have been sent yet.</translation>
    </message>
    <message>
        <source>{sent} surat dikirim ke {services} layanan; {answered} sudah dijawab; {late} lewat batas jawaban.</source>
        <translation>Letters sent: {sent} (services: {services}); replied: {answered}; past the reply deadline: {late}.</translation>
    </message>
    <message>
        <source>Terlambat ({n})</source>
        <translation>Overdue ({n})</translation>
    </message>
    <message>
        <source>Statistik tidak dapat dimuat: {reason}</source>
        <translation>The statistics could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Statistik tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The statistics could not be loaded because of a system error.</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <source>Catat tanggapan rujukan {number}</source>
        <translation>Record response to referral {number}</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>not set yet</translation>
    </message>
    <message>
        <source>Pilih dari mana kabar ini diterima</source>
        <translation>Choose where this news came from</translation>
    </message>
    <message>
        <source>Tanggal lembaga tujuan bertindak, misalnya tanggal pada lembar balasan</source>
        <translation>The date the receiving organisation acted, for example the date on the return stub</translation>
    </message>
    <message>
        <source>Alasan yang disampaikan lembaga tujuan</source>
        <translation>The reason given by the receiving organisation</translation>
    </message>
    <message>
        <source>Misalnya: nama petugas yang menelepon, isi lembar balasan</source>
        <translation>For example: the name of the officer who phoned, what the return stub says</translation>
    </message>
    <message>
        <source>Tanggapan untuk rujukan ini tidak dapat dicatat sekarang: statusnya {status}.</source>
        <translation>A response to this referral cannot be recorded now: its status is {status}.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan tanggapan (Ctrl+S)</source>
        <translation>Save the response (Ctrl+S)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Lembaga tujuan</source>
        <translation>Receiving organisation</translation>
    </message>
    <message>
        <source>Status sekarang</source>
        <translation>Current status</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Status &amp;baru</source>
        <translation>&amp;New status</translation>
    </message>
    <message>
        <source>&amp;Sumber kabar</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <source>&amp;Tanggal tanggapan</source>
        <translation>Response &amp;date</translation>
    </message>
    <message>
        <source>&amp;Hasil layanan</source>
        <translation>Service &amp;outcome</translation>
    </message>
    <message>
        <source>&amp;Alasan penolakan</source>
        <translation>&amp;Reason for rejection</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Pilih dari mana kabar ini diterima.</source>
        <translation>Choose where this news came from.</translation>
    </message>
    <message>
        <source>Pilih hasil layanan: terlayani penuh, terlayani sebagian, atau tidak terlayani.</source>
        <translation>Choose the service outcome: fully served, partly served or not served.</translation>
    </message>
    <message>
        <source>Tuliskan alasan penolakan dari lembaga tujuan.</source>
        <translation>Write the receiving organisation&apos;s reason for rejection.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ReferralsTableModel</name>
    <message>
        <source>Nomor surat</source>
        <extracomment>Status pill colours (background, text): grey while in the Puskesos, blue while out, green/red when closed.</extracomment>
        <translation>Letter no.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Warga</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Lembaga tujuan / layanan</source>
        <translation>Organisation / service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Batas jawaban</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>Keterlambatan</source>
        <translation>Delay</translation>
    </message>
    <message numerus="yes">
        <source>%n hari kerja</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Batas hari ini</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <source>%n hari kerja lagi</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Lewat batas jawaban {n} hari kerja; hubungi lembaga tujuan.</source>
        <translation>Reply {n} working days overdue; contact the receiving organisation.</translation>
    </message>
</context>
<context>
    <name>RegionCombos</name>
    <message>
        <source>&amp;Provinsi</source>
        <translation>&amp;Province</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota</source>
        <translation>&amp;District/city</translation>
    </message>
    <message>
        <source>K&amp;ecamatan</source>
        <translation>&amp;Subdistrict</translation>
    </message>
    <message>
        <source>&amp;Desa/kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <source>Wilayah dan nama Sekretariat</source>
        <translation>Region and secretariat name</translation>
    </message>
    <message>
        <source>Wilayah dan nama Puskesos</source>
        <translation>Region and Puskesos name</translation>
    </message>
    <message>
        <source>Pilih kabupaten/kota Sekretariat SLRT ini.</source>
        <translation>Choose the district or city of this SLRT secretariat.</translation>
    </message>
    <message>
        <source>Pilih desa/kelurahan tempat Puskesos ini berada.</source>
        <translation>Choose the village where this Puskesos is.</translation>
    </message>
    <message>
        <source>Pilih dari atas ke bawah; daftar berikutnya terisi setelah satu dipilih. Di dalam daftar, ketik sebagian nama untuk melompat ke nama itu (misalnya &quot;semarang&quot; atau &quot;sumo&quot;).</source>
        <translation>Choose from top to bottom; each list fills once the one above is chosen. In a list, type part of a name to jump to it (for example &quot;semarang&quot; or &quot;sumo&quot;).</translation>
    </message>
    <message>
        <source>Kode wilayah</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>&amp;Nama situs</source>
        <translation>Site na&amp;me</translation>
    </message>
    <message>
        <source>Nama ini tercetak di kop setiap surat. Ubah bila nama resminya lain.</source>
        <translation>This name is printed on the letterhead of every letter. Change it if the official name is different.</translation>
    </message>
    <message>
        <source>Pilih wilayah sampai daftar terakhir.</source>
        <translation>Choose the region down to the last list.</translation>
    </message>
    <message>
        <source>Nama situs wajib diisi.</source>
        <translation>The site name is required.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Desa lain…</source>
        <translation>Another village…</translation>
    </message>
    <message>
        <source>Pilih desa/kelurahan lain untuk warga dari luar desa ini</source>
        <translation>Choose another village for residents from outside this village</translation>
    </message>
    <message>
        <source>Desa ini</source>
        <translation>This village</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>District/city</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Daftarkan keluarga baru</source>
        <translation>Register new household</translation>
    </message>
    <message>
        <source>Enter: simpan anggota ini dan lanjut ke anggota berikutnya · Enter pada daftar: ubah anggota · Del: hapus anggota · Ctrl+S: simpan keluarga · Esc: batal</source>
        <translation>Enter: save this member and go to the next · Enter in the list: edit member · Del: remove member · Ctrl+S: save household · Esc: cancel</translation>
    </message>
    <message>
        <source>Tambahkan anggota (Enter)</source>
        <translation>Add member (Enter)</translation>
    </message>
    <message>
        <source>Hapus anggota terpilih</source>
        <translation>Remove selected member</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Keluarga (Kartu Keluarga)</source>
        <translation>Household (family card)</translation>
    </message>
    <message>
        <source>Anggota keluarga</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Belum tersimpan: perbaiki isian yang ditandai merah.</source>
        <translation>Not saved yet: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Belum tersimpan. Isian tetap ada; tekan Simpan lagi bila masalahnya sudah teratasi.</source>
        <translation>Not saved yet. Your entries are kept; press Save again once the problem is solved.</translation>
    </message>
    <message>
        <source>Anggota ke-{n} (baru)</source>
        <translation>Member {n} (new)</translation>
    </message>
    <message>
        <source>Mengubah anggota ke-{n}</source>
        <translation>Editing member {n}</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>(baru)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Bandingkan dengan data terdaftar</source>
        <translation>Compare with registered data</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;Sedang diketik&lt;/th&gt;&lt;th&gt;Sudah terdaftar&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;&lt;p&gt;Bila orangnya sama, batalkan dan buka keluarga yang sudah terdaftar. Bila berbeda, lanjutkan; kemungkinan ganda dicatat untuk diperiksa Koordinator.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;Being entered&lt;/th&gt;&lt;th&gt;Already registered&lt;/th&gt;&lt;/tr&gt;{rows}&lt;/table&gt;&lt;p&gt;If it is the same person, cancel and open the registered household. If not, continue; the possible duplicate is recorded for the Coordinator to review.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Batalkan pendaftaran?</source>
        <translation>Cancel registration?</translation>
    </message>
    <message>
        <source>Data yang sudah diketik belum disimpan dan akan hilang. Batalkan pendaftaran?</source>
        <translation>What you have typed is not saved and will be lost. Cancel the registration?</translation>
    </message>
</context>
<context>
    <name>RejectReasonDialog</name>
    <message>
        <source>Tolak permintaan {number}</source>
        <translation>Reject request {number}</translation>
    </message>
    <message>
        <source>Alasan penolakan (dikirim ke desa)</source>
        <translation>Reason for rejection (sent to the village)</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tuliskan alasan permintaan ini ditolak. Desa melihat alasan ini setelah mengimpor paket balasan berikutnya.</source>
        <translation>Write why this request is rejected. The village sees this reason after importing the next return package.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Jenis laporan</source>
        <translation>Report type</translation>
    </message>
    <message>
        <source>Bulan laporan</source>
        <translation>Report month</translation>
    </message>
    <message>
        <source>Tanggal daftar tugas</source>
        <translation>Task list date</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Ukuran kertas PDF</source>
        <translation>PDF paper size</translation>
    </message>
    <message>
        <source>F4 / Folio (215 × 330 mm)</source>
        <translation>F4 / Folio (215 × 330 mm)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Tampilkan NIK lengkap</source>
        <translation>Show full NIK</translation>
    </message>
    <message>
        <source>&amp;Jenis laporan</source>
        <translation>Report &amp;type</translation>
    </message>
    <message>
        <source>&amp;Bulan</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Desa/kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>&amp;Kertas PDF</source>
        <translation>PDF &amp;paper</translation>
    </message>
    <message>
        <source>Hanya Koordinator dan Manajer SLRT yang dapat melihat NIK lengkap.</source>
        <translation>Only the Coordinator and the SLRT Manager can see full NIK numbers.</translation>
    </message>
    <message>
        <source>NIK lengkap hanya dapat diminta untuk register layanan (BNBA).</source>
        <translation>Full NIK numbers can only be asked for in the service register (BNBA).</translation>
    </message>
    <message>
        <source>NIK dan No. KK ditulis lengkap; pembuatan laporan dicatat.</source>
        <translation>NIK and KK numbers are written in full; making the report is logged.</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
</context>
<context>
    <name>RequesterDialog</name>
    <message>
        <source>Siapa yang meminta salinan?</source>
        <translation>Who is asking for the copy?</translation>
    </message>
    <message>
        <source>Warga yang bersangkutan ({name})</source>
        <translation>The resident themselves ({name})</translation>
    </message>
    <message>
        <source>Orang tua, wali, atau kuasanya:</source>
        <translation>Their parent, guardian or representative:</translation>
    </message>
    <message>
        <source>Nama dan hubungan, mis. Siti Aminah (ibu)</source>
        <translation>Name and relationship, e.g. Siti Aminah (mother)</translation>
    </message>
    <message>
        <source>Mis. ingin memeriksa data yang disimpan</source>
        <translation>E.g. wants to check the data held</translation>
    </message>
    <message>
        <source>&amp;Keperluan</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>{name} (yang bersangkutan)</source>
        <translation>{name} (the resident)</translation>
    </message>
    <message>
        <source>Tuliskan nama orang tua, wali, atau kuasa yang meminta.</source>
        <translation>Write the name of the parent, guardian or representative who is asking.</translation>
    </message>
</context>
<context>
    <name>RetentionSettings</name>
    <message>
        <source>Masa simpan data</source>
        <translation>Data retention periods</translation>
    </message>
    <message>
        <source>Bawaan: {value} {unit}. {basis}</source>
        <translation>Default: {value} {unit}. {basis}</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Hitung data yang sudah lewat masa simpannya, tanpa mengubah apa pun</source>
        <translation>Count the data past its retention period, without changing anything</translation>
    </message>
    <message>
        <source>Jalankan anonimisasi…</source>
        <translation>Run anonymisation…</translation>
    </message>
    <message>
        <source>Hanya untuk Koordinator Puskesos atau Manajer SLRT</source>
        <translation>Only for the Puskesos Coordinator or the SLRT Manager</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Masa simpan tersimpan.</source>
        <translation>Retention periods saved.</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Tidak ada data yang lewat masa simpannya.</source>
        <translation>No data is past its retention period.</translation>
    </message>
    <message>
        <source>Jatuh tempo: {households} keluarga ({persons} warga), {extract} baris data DTSEN/DTKS lama, {parked} salinan baris paket.</source>
        <translation>Due: households {households} (residents {persons}), old DTSEN/DTKS data rows {extract}, stored package row copies {parked}.</translation>
    </message>
    <message>
        <source>Jalankan anonimisasi</source>
        <translation>Run anonymisation</translation>
    </message>
    <message>
        <source>Nama, NIK, No. KK, alamat, telepon dan catatan dari data yang sudah lewat masa simpannya akan dihapus untuk selamanya. Tindakan ini TIDAK DAPAT DIBATALKAN. Angka laporan tetap sama.

Tulis alasannya (misalnya nomor berita acara pemusnahan arsip):</source>
        <translation>Names, NIKs, KK numbers, addresses, phone numbers and notes in data past its retention period will be erased for good. This CANNOT BE UNDONE. Report figures stay the same.

Write the reason (for example the number of the records disposal minutes):</translation>
    </message>
    <message>
        <source>Menganonimkan…</source>
        <translation>Anonymising…</translation>
    </message>
    <message>
        <source>Tidak ada data yang lewat masa simpannya. Tidak ada yang diubah.</source>
        <translation>No data is past its retention period. Nothing was changed.</translation>
    </message>
    <message>
        <source>Selesai. Dianonimkan: {households} keluarga ({persons} warga), {extract} baris data DTSEN/DTKS lama, {parked} salinan baris paket. Tercatat di log audit.</source>
        <translation>Done. Anonymised: households {households} (residents {persons}), old DTSEN/DTKS data rows {extract}, stored package row copies {parked}. Recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>Tampilkan {what} lengkap</source>
        <translation>Show full {what}</translation>
    </message>
    <message>
        <source>{what} {subject} akan tampil lengkap selama {seconds} detik. Tindakan ini dan alasannya dicatat di log audit.</source>
        <translation>The full {what} of {subject} will be shown for {seconds} seconds. This action and its reason are recorded in the audit log.</translation>
    </message>
    <message>
        <source>Pilih atau tulis alasan lain</source>
        <translation>Choose or write another reason</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Pilih atau tulis alasan menampilkan nomor lengkap.</source>
        <translation>Choose or write the reason for showing the full number.</translation>
    </message>
</context>
<context>
    <name>RujukanListTab</name>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Perlu persetujuan</source>
        <translation>Needs approval</translation>
    </message>
    <message>
        <source>Siap cetak</source>
        <translation>Ready to print</translation>
    </message>
    <message>
        <source>Menunggu jawaban</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>Terlambat / tidak ada kabar</source>
        <translation>Overdue / no reply</translation>
    </message>
    <message>
        <source>Diterima / diproses lembaga</source>
        <translation>Accepted / in process</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>RujukanPage</name>
    <message>
        <source>Rujukan</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Surat rujukan ke dinas dan lembaga layanan: persetujuan Koordinator, cetak, dan tanggapan lembaga tujuan. Batas jawaban dihitung dalam hari kerja sejak surat dicetak.</source>
        <translation>Referral letters to government offices and service providers: Coordinator approval, printing, and responses from the receiving organisations. Reply deadlines are counted in working days from when the letter is printed.</translation>
    </message>
    <message>
        <source>Daftar rujukan</source>
        <translation>Referral list</translation>
    </message>
    <message>
        <source>Statistik layanan</source>
        <translation>Service statistics</translation>
    </message>
    <message>
        <source>Hasil dari instansi</source>
        <translation>Agency results</translation>
    </message>
    <message>
        <source>Rujukan sudah diubah petugas lain</source>
        <translation>The referral was changed by another officer</translation>
    </message>
    <message>
        <source>Kode ini tidak dapat diperiksa karena kesalahan sistem.</source>
        <translation>This code could not be checked because of a system error.</translation>
    </message>
    <message>
        <source>Akun ini tidak berwenang mencatat tanggapan rujukan. Minta Koordinator atau Petugas BO mencatatnya.</source>
        <translation>This account is not allowed to record referral responses. Ask the Coordinator or a Back Office Officer to record it.</translation>
    </message>
    <message>
        <source>Rujukan {number} berstatus {status}: tanggapan lembaga tujuan tidak dapat dicatat untuk status ini.</source>
        <translation>Referral {number} has the status {status}: a response from the receiving organisation cannot be recorded in this status.</translation>
    </message>
    <message>
        <source>Catat tanggapan</source>
        <translation>Record response</translation>
    </message>
    <message>
        <source>Tanggapan untuk {number} dicatat: {status}.</source>
        <translation>Response to {number} recorded: {status}.</translation>
    </message>
    <message>
        <source>Setujui dan tandatangani</source>
        <translation>Approve and sign</translation>
    </message>
    <message>
        <source>Setujui rujukan {number} untuk {person} ke {organization} ({service})?

Nama Anda akan tercetak sebagai penanda tangan, dan surat dapat dicetak setelah ini.</source>
        <translation>Approve referral {number} for {person} to {organization} ({service})?

Your name will be printed as the signatory, and the letter can be printed after this.</translation>
    </message>
    <message>
        <source>Rujukan {number} disetujui dan siap dicetak.</source>
        <translation>Referral {number} approved and ready to print.</translation>
    </message>
    <message>
        <source>Kembalikan ke draf</source>
        <translation>Return to draft</translation>
    </message>
    <message>
        <source>Rujukan {number} dikembalikan ke petugas untuk diperbaiki dan harus disetujui lagi.
Apa yang perlu diperbaiki? (boleh kosong)</source>
        <translation>Referral {number} goes back to the officer to be corrected and must be approved again.
What needs correcting? (optional)</translation>
    </message>
    <message>
        <source>Rujukan {number} dikembalikan ke draf.</source>
        <translation>Referral {number} returned to draft.</translation>
    </message>
    <message>
        <source>Batalkan rujukan</source>
        <translation>Cancel referral</translation>
    </message>
    <message>
        <source>Alasan pembatalan rujukan {number} (wajib):</source>
        <translation>Reason for cancelling referral {number} (required):</translation>
    </message>
    <message>
        <source>Rujukan {number} dibatalkan.</source>
        <translation>Referral {number} cancelled.</translation>
    </message>
    <message>
        <source>Belum disetujui Koordinator. Surat rujukan dapat dicetak setelah Koordinator menyetujui dan menandatanganinya.</source>
        <translation>Not yet approved by the Coordinator. The referral letter can be printed once the Coordinator has approved and signed it.</translation>
    </message>
    <message>
        <source>Rujukan ini sudah dibatalkan; suratnya tidak dapat dicetak.</source>
        <translation>This referral has been cancelled; its letter cannot be printed.</translation>
    </message>
    <message>
        <source>Hanya Koordinator dan Petugas BO yang dapat mencetak surat rujukan.</source>
        <translation>Only the Coordinator and Back Office Officers can print referral letters.</translation>
    </message>
    <message>
        <source>Surat rujukan {number}</source>
        <translation>Referral letter {number}</translation>
    </message>
    <message numerus="yes">
        <source>Cetak %n surat rujukan yang siap</source>
        <translation>
            <numerusform>Print %n ready referral letter</numerusform>
            <numerusform>Print %n ready referral letters</numerusform>
        </translation>
    </message>
    <message>
        <source>Cetakan surat rujukan dicatat.</source>
        <translation>Referral letter printout recorded.</translation>
    </message>
</context>
<context>
    <name>ScanBar</name>
    <message>
        <source>Catat &amp;tanggapan</source>
        <extracomment>A signed token is a few hundred characters; anything longer is not ours (or two scans run together).</extracomment>
        <translation>Record &amp;response</translation>
    </message>
    <message>
        <source>Pindai kode QR lembar balasan atau ketik nomor surat…</source>
        <translation>Scan the QR code on a return stub or type the letter number…</translation>
    </message>
    <message>
        <source>Kode QR lembar balasan atau nomor surat</source>
        <translation>Return stub QR code or letter number</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
</context>
<context>
    <name>SearchLabels</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>KK no.</translation>
    </message>
    <message>
        <source>Awal nama</source>
        <translation>Start of name</translation>
    </message>
    <message>
        <source>Kata dalam nama</source>
        <translation>Word in name</translation>
    </message>
    <message>
        <source>Bagian nama</source>
        <translation>Part of name</translation>
    </message>
    <message>
        <source>Nama mirip</source>
        <translation>Similar name</translation>
    </message>
    <message>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <source>P</source>
        <translation>F</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Layanan</source>
        <translation>Service desk</translation>
    </message>
    <message>
        <source>Ketik NIK, nomor KK, atau nama warga (Ctrl+F)</source>
        <translation>Type a NIK, KK number or resident&apos;s name (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari warga</source>
        <translation>Find resident</translation>
    </message>
    <message>
        <source>Saring RT</source>
        <translation>Filter by RT</translation>
    </message>
    <message>
        <source>Saring RW</source>
        <translation>Filter by RW</translation>
    </message>
    <message>
        <source>Daftarkan keluarga baru (Ctrl+N)</source>
        <translation>Register new household (Ctrl+N)</translation>
    </message>
    <message>
        <source>Cari dulu sebelum mendaftarkan: warga mungkin sudah terdaftar.</source>
        <translation>Search before registering: the resident may already be registered.</translation>
    </message>
    <message>
        <source>Hasil pencarian</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>NIK dan No. KK terdiri dari 16 digit; baru {n} digit diketik.</source>
        <translation>NIK and KK numbers have 16 digits; only {n} typed so far.</translation>
    </message>
    <message>
        <source>Tidak ada yang cocok. Periksa ejaan, atau daftarkan keluarga baru dengan Ctrl+N.</source>
        <translation>No matches. Check the spelling, or register a new household with Ctrl+N.</translation>
    </message>
    <message>
        <source>{n} hasil. Enter membuka hasil pertama; ↓ untuk memilih yang lain.</source>
        <translation>Results: {n}. Enter opens the first; ↓ selects another.</translation>
    </message>
</context>
<context>
    <name>SearchResultsTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Puskesos</source>
        <translation>Puskesos</translation>
    </message>
    <message>
        <source>Ditemukan lewat: {how}</source>
        <translation>Found by: {how}</translation>
    </message>
    <message>
        <source>Keluarga {number}</source>
        <translation>Household {number}</translation>
    </message>
    <message>
        <source>Terdaftar di Puskesos</source>
        <translation>Registered at Puskesos</translation>
    </message>
    <message>
        <source>Belum terdaftar di Puskesos</source>
        <translation>Not yet registered at Puskesos</translation>
    </message>
    <message>
        <source>Ada di data {dataset} (desil {desil}, per tanggal {date})</source>
        <translation>In {dataset} data (decile {desil}, as of {date})</translation>
    </message>
    <message>
        <source>Ada di data {dataset} (per tanggal {date})</source>
        <translation>In {dataset} data (as of {date})</translation>
    </message>
</context>
<context>
    <name>ServiceCard</name>
    <message>
        <source>Pilih layanan di daftar untuk melihat alamat, jam layanan dan syarat penerimanya.</source>
        <translation>Choose a service in the list to see its address, opening hours and eligibility requirements.</translation>
    </message>
    <message>
        <source>Contoh, belum diverifikasi: periksa alamat, jam layanan dan persyaratan ke lembaganya sebelum merujuk.</source>
        <translation>Example, not verified: check the address, opening hours and requirements with the organisation before referring.</translation>
    </message>
    <message>
        <source>Alamat: {address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <source>alamat belum tercatat</source>
        <translation>address not recorded</translation>
    </message>
    <message>
        <source>Jam layanan: {hours}</source>
        <translation>Opening hours: {hours}</translation>
    </message>
    <message>
        <source>Syarat penerima: {text}</source>
        <translation>Eligibility: {text}</translation>
    </message>
    <message>
        <source>Jawaban diharapkan dalam {days} hari kerja setelah surat diserahkan.</source>
        <translation>A reply is expected within {days} working days after the letter is handed over.</translation>
    </message>
</context>
<context>
    <name>ServiceDirectoryModel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama layanan</source>
        <translation>Service name</translation>
    </message>
    <message>
        <source>Lembaga</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Jenis lembaga</source>
        <translation>Agency type</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Waktu jawab (hari kerja)</source>
        <translation>Response time (working days)</translation>
    </message>
    <message>
        <source>Terakhir dicek</source>
        <translation>Last checked</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Pemerintah pusat</source>
        <translation>Central government</translation>
    </message>
    <message>
        <source>Pemerintah daerah</source>
        <translation>Local government</translation>
    </message>
    <message>
        <source>Pemerintah desa</source>
        <translation>Village government</translation>
    </message>
    <message>
        <source>Lembaga non-pemerintah</source>
        <translation>Non-government organisation</translation>
    </message>
    <message>
        <source>Perlu dicek</source>
        <translation>Needs a check</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Contoh bawaan</source>
        <translation>Built-in example</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Belum dipastikan dengan lembaganya selama enam bulan terakhir: telepon, alamat dan syaratnya mungkin sudah berubah.</source>
        <translation>Not confirmed with its agency in the last six months: phone, address and requirements may have changed.</translation>
    </message>
</context>
<context>
    <name>ServiceEntryDialog</name>
    <message>
        <source>Ubah layanan — {code}</source>
        <translation>Edit service — {code}</translation>
    </message>
    <message>
        <source>Tambah layanan</source>
        <translation>Add service</translation>
    </message>
    <message>
        <source>Misalnya: Dinas Sosial Kabupaten Semarang</source>
        <translation>For example: Dinas Sosial Kabupaten Semarang</translation>
    </message>
    <message>
        <source>Pemerintah pusat</source>
        <translation>Central government</translation>
    </message>
    <message>
        <source>Pemerintah daerah</source>
        <translation>Local government</translation>
    </message>
    <message>
        <source>Pemerintah desa</source>
        <translation>Village government</translation>
    </message>
    <message>
        <source>Lembaga non-pemerintah</source>
        <translation>Non-government organisation</translation>
    </message>
    <message>
        <source>(pilih jenis lembaga)</source>
        <translation>(choose agency type)</translation>
    </message>
    <message>
        <source>Kosongkan: sekretariat ini dicatat sebagai sumber</source>
        <translation>Leave empty: this secretariat is recorded as the source</translation>
    </message>
    <message>
        <source>Misalnya: DINSOS-RUTILAHU</source>
        <translation>For example: DINSOS-RUTILAHU</translation>
    </message>
    <message>
        <source>(tanpa program)</source>
        <translation>(no programme)</translation>
    </message>
    <message>
        <source>Bidang kebutuhan</source>
        <translation>Need domains</translation>
    </message>
    <message>
        <source> hari kerja</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>Kode Kemendagri, misalnya 33.22 atau 33.22.18</source>
        <translation>Kemendagri code, for example 33.22 or 33.22.18</translation>
    </message>
    <message>
        <source>Misalnya: Senin–Jumat 08.00–15.00</source>
        <translation>For example: Monday–Friday 08.00–15.00</translation>
    </message>
    <message>
        <source>Satu dokumen per baris</source>
        <translation>One document per line</translation>
    </message>
    <message>
        <source>Perlu persetujuan tertulis warga</source>
        <translation>Needs the resident&apos;s written consent</translation>
    </message>
    <message>
        <source>Perlu persetujuan tertulis warga sebelum data dibagikan</source>
        <translation>Needs the resident&apos;s written consent before data is shared</translation>
    </message>
    <message>
        <source>Lembaga memerlukan NIK dan No. KK lengkap</source>
        <translation>The agency needs the full NIK and KK number</translation>
    </message>
    <message>
        <source>Lembaga memerlukan NIK dan No. KK lengkap di slip</source>
        <translation>The agency needs the full NIK and KK number on the slip</translation>
    </message>
    <message>
        <source>&amp;Nama lembaga</source>
        <translation>Agency &amp;name</translation>
    </message>
    <message>
        <source>&amp;Jenis lembaga</source>
        <translation>Agency &amp;type</translation>
    </message>
    <message>
        <source>Sumber &amp;data</source>
        <translation>Data &amp;source</translation>
    </message>
    <message>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Nama &amp;layanan</source>
        <translation>Service &amp;name</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>&amp;Programme</translation>
    </message>
    <message>
        <source>&amp;Bidang kebutuhan</source>
        <translation>&amp;Need domains</translation>
    </message>
    <message>
        <source>&amp;Uraian</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Waktu jawaban</source>
        <translation>&amp;Response time</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Kode &amp;wilayah</source>
        <translation>&amp;Region code</translation>
    </message>
    <message>
        <source>Nama k&amp;ontak</source>
        <translation>C&amp;ontact name</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>&amp;Situs web</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;Jam layanan</source>
        <translation>&amp;Opening hours</translation>
    </message>
    <message>
        <source>&amp;Syarat penerima</source>
        <translation>&amp;Eligibility</translation>
    </message>
    <message>
        <source>&amp;Dokumen</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Lembaga</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Kontak &amp;&amp; lokasi</source>
        <translation>Contact &amp;&amp; location</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Syarat</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>Ini contoh bawaan aplikasi. Setelah disimpan, layanan ini dicatat sebagai sudah dipastikan dengan lembaganya.</source>
        <translation>This is a built-in example. Once saved, this service is recorded as confirmed with its agency.</translation>
    </message>
    <message>
        <source>Kode layanan tidak dapat diubah.</source>
        <translation>The service code cannot be changed.</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Cari layanan atau lembaga…</source>
        <translation>Search services or organisations…</translation>
    </message>
    <message>
        <source>Cari layanan tujuan</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>Layanan tujuan</source>
        <translation>Services</translation>
    </message>
</context>
<context>
    <name>ServiceStatsTableModel</name>
    <message>
        <source>Lembaga</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Layanan</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Dikirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Dijawab</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>Terlayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Median hari kerja sampai dijawab</source>
        <translation>Median working days to reply</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Terapkan bahasa</source>
        <translation>Apply language</translation>
    </message>
    <message>
        <source>Layar disusun ulang dalam bahasa yang dipilih; isian yang belum disimpan di layar lain akan hilang. Pilihan ini disimpan untuk pengguna Windows ini.</source>
        <translation>The screens are rebuilt in the chosen language; unsaved entries on other screens will be lost. This choice is saved for this Windows user.</translation>
    </message>
    <message>
        <source>Variabel lingkungan PUSKESOS_LANG diisi: saat aplikasi dibuka, bahasanya mengikuti variabel itu.</source>
        <translation>The PUSKESOS_LANG environment variable is set: when the app starts, it uses that language.</translation>
    </message>
    <message>
        <source>Situs dan basis data</source>
        <translation>Site and database</translation>
    </message>
    <message>
        <source>Sidik jari kunci situs; dicocokkan oleh kabupaten saat pertukaran data.</source>
        <translation>Fingerprint of the site key; the district checks it during data exchange.</translation>
    </message>
    <message>
        <source>Server PostgreSQL…</source>
        <translation>PostgreSQL server…</translation>
    </message>
    <message>
        <source>Hubungkan komputer ini ke server basis data kantor, atau kembali ke berkas lokal</source>
        <translation>Connect this computer to the office database server, or go back to the local file</translation>
    </message>
    <message>
        <source>Perubahan susunan keluarga</source>
        <translation>Household composition changes</translation>
    </message>
    <message>
        <source>Koordinator boleh menyetujui perubahan keluarga di desa</source>
        <translation>The Coordinator may approve household changes in the village</translation>
    </message>
    <message>
        <source>Biasanya perubahan anggota atau kepala keluarga disetujui kabupaten melalui pertukaran data. Aktifkan hanya bila kabupaten mengizinkan persetujuan di desa.</source>
        <translation>Changes to members or the head of household are normally approved by the district through data exchange. Turn this on only if the district allows approval in the village.</translation>
    </message>
    <message>
        <source>Kunci layar otomatis</source>
        <translation>Automatic screen lock</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Kunci layar setelah tidak dipakai</source>
        <translation>Lock the screen after inactivity</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Bila komputer tidak disentuh selama waktu ini, layar dikunci dan hanya terbuka dengan kata sandi pengguna yang sedang masuk. Berlaku untuk semua pengguna di situs ini mulai saat mereka masuk.</source>
        <translation>If the computer is not touched for this long, the screen locks and opens only with the password of the user who is signed in. Applies to all users at this site from their next sign-in.</translation>
    </message>
    <message>
        <source>Daftar lembaga layanan rujukan akan dikelola di bagian ini pada versi berikutnya.</source>
        <translation>The directory of referral services will be managed here in a later version.</translation>
    </message>
    <message>
        <source>Nama situs</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>Kode situs</source>
        <translation>Site code</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Penyimpanan</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Versi aplikasi</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Kunci layar setelah</source>
        <translation>Lock screen after</translation>
    </message>
    <message>
        <source>berkas lokal</source>
        <translation>local file</translation>
    </message>
    <message>
        <source>server {where}</source>
        <translation>server {where}</translation>
    </message>
    <message>
        <source>{now} (mulai saat aplikasi dibuka lagi: {next})</source>
        <translation>{now} (from the next start: {next})</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Tersimpan: Koordinator boleh menyetujui perubahan keluarga.</source>
        <translation>Saved: the Coordinator may approve household changes.</translation>
    </message>
    <message>
        <source>Tersimpan: perubahan keluarga menunggu persetujuan kabupaten.</source>
        <translation>Saved: household changes await district approval.</translation>
    </message>
    <message>
        <source>Tersimpan: {n} menit.</source>
        <translation>Saved: {n} min.</translation>
    </message>
</context>
<context>
    <name>SetupFilePage</name>
    <message>
        <source>Berkas penyiapan dari kabupaten</source>
        <translation>Set-up file from the district</translation>
    </message>
    <message>
        <source>Pilih berkas yang diberikan Sekretariat SLRT kabupaten/kota. Belum ada yang disimpan sampai akun Admin dibuat.</source>
        <translation>Choose the file the district SLRT secretariat gave you. Nothing is saved until the Admin account is created.</translation>
    </message>
    <message>
        <source>Colokkan flashdisk, tekan Pilih berkas, lalu buka berkas penyiapan (biasanya bernama penyiapan-….json).</source>
        <translation>Plug in the USB stick, press Choose file, then open the set-up file (usually named penyiapan-….json).</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Belum ada berkas dipilih.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>Puskesos</source>
        <translation>Puskesos</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>District/city</translation>
    </message>
    <message>
        <source>Sidik jari kunci kabupaten</source>
        <translation>District key fingerprint</translation>
    </message>
    <message>
        <source>Layanan rujukan</source>
        <translation>Referral services</translation>
    </message>
    <message>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari ini dengan Sekretariat SLRT lewat telepon: bila sama, berkas ini benar-benar dari kabupaten Anda.</source>
        <translation>Check this fingerprint with the SLRT secretariat by telephone: if it matches, this file really comes from your district.</translation>
    </message>
    <message>
        <source>Pilih berkas penyiapan dari kabupaten</source>
        <translation>Choose the set-up file from the district</translation>
    </message>
    <message>
        <source>Berkas penyiapan (*.json);;Semua berkas (*)</source>
        <translation>Set-up file (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n layanan</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hari</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitPanel</name>
    <message>
        <source>Anggota yang pindah ke KK baru</source>
        <extracomment>A sensible first guess of the relation to the new head, from the relation to the old head.</extracomment>
        <translation>Members moving to the new KK</translation>
    </message>
    <message>
        <source>Nomor KK baru (16 angka), bila sudah terbit</source>
        <translation>New KK number (16 digits), if already issued</translation>
    </message>
    <message>
        <source>(sudah ada KK)</source>
        <translation>(has a KK)</translation>
    </message>
    <message>
        <source>&amp;Yang pindah</source>
        <translation>&amp;Moving</translation>
    </message>
    <message>
        <source>Kepala KK &amp;baru</source>
        <translation>&amp;New KK head</translation>
    </message>
    <message>
        <source>Hubungan di KK baru</source>
        <translation>Relationship in the new KK</translation>
    </message>
    <message>
        <source>No. &amp;KK baru</source>
        <translation>New &amp;KK no.</translation>
    </message>
    <message>
        <source>A&amp;lamat</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Dusun</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Tampilkan juga yang jatuh tempo 3 hari kerja ke depan</source>
        <translation>Also show items due in the next 3 working days</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Baca ulang daftar tugas dari basis data</source>
        <translation>Read the task list from the database again</translation>
    </message>
    <message>
        <source>Cetak daftar tugas…</source>
        <translation>Print task list…</translation>
    </message>
    <message>
        <source>Pratinjau dan cetak daftar ini untuk kunjungan rumah</source>
        <translation>Preview and print this list for home visits</translation>
    </message>
    <message>
        <source>Tugas hari ini</source>
        <translation>Today&apos;s tasks</translation>
    </message>
    <message>
        <source>Enter atau klik dua kali: buka keluarga di Layanan.</source>
        <translation>Enter or double-click: open the household in the Service desk.</translation>
    </message>
    <message>
        <source>Buka keluarga</source>
        <translation>Open household</translation>
    </message>
    <message>
        <source>Ubah status keluhan…</source>
        <translation>Change complaint status…</translation>
    </message>
    <message>
        <source>Hanya Koordinator dan Petugas BO yang dapat mengubah status keluhan.</source>
        <translation>Only the Coordinator and Back Office Officers can change the status of a complaint.</translation>
    </message>
    <message>
        <source>Data hari libur tahun {years} belum ada: untuk tahun itu hanya akhir pekan yang tidak dihitung. Minta operator kabupaten menambahkan hari libur.</source>
        <translation>There are no public holidays for {years} yet: for that year only weekends are skipped. Ask the district operator to add the holidays.</translation>
    </message>
    <message>
        <source>Daftar tugas tidak dapat dimuat: {reason}</source>
        <translation>The task list could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Daftar tugas tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The task list could not be loaded because of a system error.</translation>
    </message>
    <message>
        <source>Tidak ada tugas yang jatuh tempo. Semua keluhan, kebutuhan, dan usulan masih dalam batas waktu.</source>
        <translation>No tasks are due. All complaints, needs and proposals are within their deadlines.</translation>
    </message>
    <message>
        <source>{total} tugas: {emergencies} darurat, {late} terlambat, {today} jatuh tempo hari ini</source>
        <translation>Tasks: {total} ({emergencies} emergency, {late} overdue, {today} due today)</translation>
    </message>
    <message>
        <source>Daftar tugas hari ini</source>
        <translation>Today&apos;s task list</translation>
    </message>
</context>
<context>
    <name>TasksTableModel</name>
    <message>
        <source>Urgensi</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message numerus="yes">
        <source>Terlambat %n hari kerja</source>
        <translation>
            <numerusform>Overdue by %n working day</numerusform>
            <numerusform>Overdue by %n working days</numerusform>
        </translation>
    </message>
    <message>
        <source>Jatuh tempo hari ini</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <source>%n hari kerja lagi</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Jumlah: {value}</source>
        <translation>Total: {value}</translation>
    </message>
    <message>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <source>Jumlah seluruhnya {total}; tertinggi {month} ({value}).</source>
        <translation>Total {total}; highest {month} ({value}).</translation>
    </message>
</context>
<context>
    <name>TrustConfirmBox</name>
    <message>
        <source>Percayai kartu situs</source>
        <translation>Trust site card</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Sidik jari</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Cocokkan sidik jari ini lewat telepon dengan petugas {name}: minta ia membacakan sidik jari yang tertera di Pengaturan aplikasinya, lalu bandingkan setiap hurufnya. Tekan &quot;Ya, percayai&quot; hanya bila semuanya sama.</source>
        <translation>Check this fingerprint by telephone with the officer at {name}: ask them to read out the fingerprint shown in their app&apos;s Settings, and compare it character by character. Press &quot;Yes, trust it&quot; only if it all matches.</translation>
    </message>
    <message>
        <source>Percayai kartu situs ini?</source>
        <translation>Trust this site card?</translation>
    </message>
    <message>
        <source>Setelah dipercaya, paket data yang ditandatangani situs ini diterima di sini.</source>
        <translation>Once it is trusted, data packages signed by this site are accepted here.</translation>
    </message>
    <message>
        <source>Ya, percayai</source>
        <translation>Yes, trust it</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TrustedSites</name>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>District/city</translation>
    </message>
    <message>
        <source>Situs tepercaya</source>
        <translation>Trusted sites</translation>
    </message>
    <message>
        <source>Paket pertukaran data hanya diterima dari situs yang kartunya dipercaya di sini. Kirim kartu situs ini ke situs lain, percayai kartu situs mereka, lalu cocokkan sidik jari kedua kartu lewat telepon.</source>
        <translation>Data exchange packages are accepted only from sites whose card is trusted here. Send this site&apos;s card to the other site, trust their site card, then check the fingerprints of both cards by telephone.</translation>
    </message>
    <message>
        <source>Sidik jari situs ini</source>
        <translation>This site&apos;s fingerprint</translation>
    </message>
    <message>
        <source>Simpan kartu situs ini…</source>
        <translation>Save this site&apos;s card…</translation>
    </message>
    <message>
        <source>Simpan kartu situs (berkas .json) untuk dikirim ke situs lain, misalnya lewat surel atau flashdisk</source>
        <translation>Save the site card (a .json file) to send to the other site, for example by email or on a USB stick</translation>
    </message>
    <message>
        <source>Memuat daftar situs tepercaya…</source>
        <translation>Loading the trusted sites…</translation>
    </message>
    <message>
        <source>Percayai kartu situs…</source>
        <translation>Trust a site card…</translation>
    </message>
    <message>
        <source>Buka kartu situs (.json) dari situs lain; sidik jarinya dicocokkan lewat telepon sebelum dipercaya</source>
        <translation>Open another site&apos;s card (.json); its fingerprint is checked by telephone before it is trusted</translation>
    </message>
    <message>
        <source>Hanya Admin yang dapat mempercayai kartu situs lain.</source>
        <translation>Only an Admin can trust another site&apos;s card.</translation>
    </message>
    <message>
        <source>Tambah desa…</source>
        <translation>Add village…</translation>
    </message>
    <message>
        <source>Buat berkas penyiapan untuk desa baru, dengan kode pendaftaran sekali pakai</source>
        <translation>Create a set-up file for a new village, with a one-time enrolment code</translation>
    </message>
    <message>
        <source>Sidik jari situs ini:</source>
        <translation>This site&apos;s fingerprint:</translation>
    </message>
    <message>
        <source>Belum ada situs tepercaya. Percayai kartu situs Sekretariat SLRT kabupaten/kota Anda agar paket darinya dapat diterima.</source>
        <translation>No trusted sites yet. Trust the site card of your district/city SLRT secretariat so that its packages can be accepted.</translation>
    </message>
    <message>
        <source>Belum ada situs tepercaya. Percayai kartu situs setiap desa/kelurahan yang bertukar data dengan sekretariat ini.</source>
        <translation>No trusted sites yet. Trust the site card of every village that exchanges data with this secretariat.</translation>
    </message>
    <message>
        <source>Daftar situs tepercaya hanya dapat dilihat oleh Admin, Koordinator, dan petugas pertukaran data.</source>
        <translation>Only the Admin, the Coordinator and data exchange officers can see the trusted sites.</translation>
    </message>
    <message>
        <source>Daftar situs tepercaya tidak dapat dimuat.</source>
        <translation>The trusted sites could not be loaded.</translation>
    </message>
    <message>
        <source>Simpan kartu situs ini</source>
        <translation>Save this site&apos;s card</translation>
    </message>
    <message>
        <source>Kartu situs (*.json)</source>
        <translation>Site card (*.json)</translation>
    </message>
    <message>
        <source>Menyimpan kartu situs…</source>
        <translation>Saving the site card…</translation>
    </message>
    <message>
        <source>Kartu situs tersimpan di {path}. Kirimkan berkas ini ke situs lain, lalu cocokkan sidik jarinya lewat telepon.</source>
        <translation>Site card saved to {path}. Send this file to the other site, then check its fingerprint by telephone.</translation>
    </message>
    <message>
        <source>Kartu situs tidak dapat disimpan di {path}: {reason}</source>
        <translation>The site card could not be saved to {path}: {reason}</translation>
    </message>
    <message>
        <source>Pilih kartu situs yang akan dipercaya</source>
        <translation>Choose the site card to trust</translation>
    </message>
    <message>
        <source>Membaca kartu situs…</source>
        <translation>Reading the site card…</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{name} ({code}) sudah dipercaya dengan kunci ini; tidak ada yang berubah.</source>
        <translation>{name} ({code}) is already trusted with this key; nothing changed.</translation>
    </message>
    <message>
        <source>{name} ({code}) sekarang dipercaya: paket data darinya dapat diterima.</source>
        <translation>{name} ({code}) is now trusted: its data packages can be accepted.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak dapat dibaca: {reason}</source>
        <translation>The file {path} could not be read: {reason}</translation>
    </message>
    <message>
        <source>Simpan berkas penyiapan desa</source>
        <translation>Save village set-up file</translation>
    </message>
    <message>
        <source>Berkas penyiapan (*.json)</source>
        <translation>Set-up file (*.json)</translation>
    </message>
    <message>
        <source>Kode pendaftaran</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>Berkas penyiapan {name} ({code}) tersimpan di {path}.

Kode pendaftaran: {enrolment}

Catat kode ini sekarang: kode hanya ditampilkan sekali dan hanya berlaku sekali. Kirim berkas dan kode kepada desa lewat jalur yang berbeda.</source>
        <translation>Set-up file for {name} ({code}) saved to {path}.

Enrolment code: {enrolment}

Write this code down now: it is shown only once and works only once. Send the file and the code to the village by different routes.</translation>
    </message>
    <message>
        <source>Membuat berkas penyiapan…</source>
        <translation>Creating the set-up file…</translation>
    </message>
    <message>
        <source>Berkas penyiapan {name} ({code}) tersimpan di {path}. Kunci desa didaftarkan saat paket pertamanya diimpor.</source>
        <translation>Set-up file for {name} ({code}) saved to {path}. The village&apos;s key is registered when its first package is imported.</translation>
    </message>
</context>
<context>
    <name>TrustedSitesTableModel</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Sidik jari</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
</context>
<context>
    <name>UnlockDatabaseDialog</name>
    <message>
        <source>Buka basis data terenkripsi</source>
        <translation>Open an encrypted database</translation>
    </message>
    <message>
        <source>Basis data {location} terenkripsi. Masukkan frasa sandi basis data kantor untuk membukanya.</source>
        <translation>The database {location} is encrypted. Enter the office&apos;s database passphrase to open it.</translation>
    </message>
    <message>
        <source>&amp;Buka</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Pakai &amp;kunci pemulihan…</source>
        <translation>Use the &amp;recovery key…</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Ketik kunci pemulihan dari lembar &quot;Kunci Pemulihan Basis Data&quot; yang disimpan Sekretariat SLRT kabupaten/kota (56 huruf dan angka; tanda hubung boleh diabaikan), lalu buat frasa sandi baru.</source>
        <translation>Type the recovery key from the &quot;Kunci Pemulihan Basis Data&quot; sheet kept by the district SLRT secretariat (56 letters and digits; the dashes may be left out), then choose a new passphrase.</translation>
    </message>
    <message>
        <source>Buka dan simpan frasa sandi &amp;baru</source>
        <translation>Open and save the &amp;new passphrase</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>&amp;Frasa sandi</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Kunci pemulihan</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <source>Frasa sandi &amp;baru</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <source>&amp;Ulangi frasa sandi baru</source>
        <translation>Re&amp;peat the new passphrase</translation>
    </message>
    <message>
        <source>Isi frasa sandi basis data.</source>
        <translation>Enter the database passphrase.</translation>
    </message>
    <message>
        <source>Isi kunci pemulihan dan frasa sandi baru.</source>
        <translation>Enter the recovery key and a new passphrase.</translation>
    </message>
    <message>
        <source>Kedua isian frasa sandi baru tidak sama.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
</context>
<context>
    <name>UserAccounts</name>
    <message>
        <source>Akun pengguna</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>Setiap petugas memakai akunnya sendiri; jangan berbagi akun. Admin hanya mengelola akun dan pengaturan; untuk melihat data warga, beri juga peran kerja (misalnya Koordinator).</source>
        <translation>Every officer uses their own account; do not share accounts. The Admin only manages accounts and settings; to see residents&apos; data, also give a working role (for example Coordinator).</translation>
    </message>
    <message>
        <source>Tambah…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Ubah peran…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <source>Atur ulang kata sandi…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Buka akun yang terkunci karena kata sandi salah berulang kali</source>
        <translation>Unlock an account locked after repeated wrong passwords</translation>
    </message>
    <message>
        <source>Nonaktifkan…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>Aktifkan</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Akun {name} dibuat.</source>
        <translation>Account {name} created.</translation>
    </message>
    <message>
        <source>Peran akun {name} diubah.</source>
        <translation>Roles of account {name} changed.</translation>
    </message>
    <message>
        <source>Buat kata sandi baru untuk {name}? Kata sandi lama tidak berlaku lagi, dan pemilik akun wajib menggantinya saat masuk.</source>
        <translation>Create a new password for {name}? The old password stops working, and the account owner must change the new one when signing in.</translation>
    </message>
    <message>
        <source>Kata sandi akun {name} diatur ulang.</source>
        <translation>Password of account {name} reset.</translation>
    </message>
    <message>
        <source>Akun {name} dibuka kembali.</source>
        <translation>Account {name} unlocked.</translation>
    </message>
    <message>
        <source>Nonaktifkan akun {name}? Akun ini tidak dapat dipakai masuk lagi sampai diaktifkan kembali; riwayat kerjanya tetap tersimpan.</source>
        <translation>Deactivate account {name}? It cannot be used to sign in until it is activated again; its work history is kept.</translation>
    </message>
    <message>
        <source>Akun {name} diaktifkan.</source>
        <translation>Account {name} activated.</translation>
    </message>
    <message>
        <source>Akun {name} dinonaktifkan.</source>
        <translation>Account {name} deactivated.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>UserAccountsModel</name>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terakhir masuk</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>terkunci s.d. {time}</source>
        <translation>locked until {time}</translation>
    </message>
    <message>
        <source>wajib ganti kata sandi</source>
        <translation>must change password</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Akun baru</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>Ubah peran</source>
        <translation>Change roles</translation>
    </message>
    <message>
        <source>misalnya: sri.wahyuni</source>
        <translation>for example: sri.wahyuni</translation>
    </message>
    <message>
        <source>Peran tambahan (merangkap)</source>
        <translation>Additional roles (held jointly)</translation>
    </message>
    <message>
        <source>Kata sandi awal</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>Buat otomatis (ditampilkan sekali setelah disimpan)</source>
        <translation>Generate automatically (shown once after saving)</translation>
    </message>
    <message>
        <source>Ketik sendiri</source>
        <translation>Type it myself</translation>
    </message>
    <message>
        <source>Pemilik akun wajib menggantinya saat pertama kali masuk.</source>
        <translation>The account owner must change it at first sign-in.</translation>
    </message>
    <message>
        <source>Kata sandi awal akun ini</source>
        <translation>Initial password of this account</translation>
    </message>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Catat atau salin sekarang dan serahkan langsung kepada pemilik akun. Kata sandi ini tidak akan ditampilkan lagi.</source>
        <translation>Write it down or copy it now and hand it to the account owner in person. This password will not be shown again.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Ketik kata sandi awal, atau pilih &quot;Buat otomatis&quot;.</source>
        <translation>Type the initial password, or choose &quot;Generate automatically&quot;.</translation>
    </message>
</context>
<context>
    <name>VillagesTab</name>
    <message>
        <source>Memuat daftar desa…</source>
        <translation>Loading the village list…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Desa tepercaya</source>
        <translation>Trusted villages</translation>
    </message>
    <message>
        <source>Baris berwarna: ada paket dari desa itu yang belum diterima. Minta desa mengirim ulang paket yang tertinggal; data di dalamnya tetap diterapkan saat paket itu diimpor.</source>
        <translation>Coloured rows: a package from that village has not been received. Ask the village to send the missing package again; its data is still applied when that package is imported.</translation>
    </message>
    <message>
        <source>Belum ada desa tepercaya. Percayai kartu situs desa di Pengaturan → Situs tepercaya.</source>
        <translation>No trusted village yet. Trust a village&apos;s site card in Settings → Trusted sites.</translation>
    </message>
    <message>
        <source>{n} desa tepercaya · {gaps} dengan paket yang belum diterima · {silent} belum pernah mengirim paket</source>
        <translation>{n} trusted villages · {gaps} with packages not received · {silent} never sent a package</translation>
    </message>
    <message>
        <source>Daftar desa tidak dapat dimuat: {reason}</source>
        <translation>The village list could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>Daftar desa tidak dapat dimuat karena kesalahan sistem.</source>
        <translation>The village list could not be loaded because of a system error.</translation>
    </message>
</context>
<context>
    <name>VillagesTableModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Paket terakhir</source>
        <translation>Last package</translation>
    </message>
    <message>
        <source>Dikirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Hari sejak paket terakhir</source>
        <translation>Days since last package</translation>
    </message>
    <message>
        <source>Paket diterima</source>
        <translation>Packages received</translation>
    </message>
    <message>
        <source>Paket yang belum diterima</source>
        <translation>Packages not received</translation>
    </message>
    <message>
        <source>Sidik jari kunci</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Riwayat audit</source>
        <translation>Audit history</translation>
    </message>
    <message>
        <source>utuh</source>
        <translation>intact</translation>
    </message>
    <message>
        <source>TERPUTUS — periksa situs ini</source>
        <translation>BROKEN — check this site</translation>
    </message>
    <message>
        <source>belum diketahui</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>paket ke-{numbers} belum diterima</source>
        <translation>package {numbers} not received</translation>
    </message>
    <message>
        <source>ke-{n}</source>
        <translation>no. {n}</translation>
    </message>
    <message>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Berkas: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <source>Riwayat audit yang dikirim desa ini tidak melanjutkan riwayat di paket sebelumnya ({n} kali): catatan audit lama mungkin diubah atau dihapus.</source>
        <translation>The audit history this village sent does not continue the one in its previous package ({n} times): old audit records may have been changed or deleted.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Catat kunjungan — {number}</source>
        <translation>Record visit — {number}</translation>
    </message>
    <message>
        <source>Orang lain (tulis namanya)…</source>
        <translation>Someone else (type the name)…</translation>
    </message>
    <message>
        <source>Nama orang yang datang</source>
        <translation>Name of the person who came</translation>
    </message>
    <message>
        <source>Warga yang dibantu</source>
        <translation>Residents being helped</translation>
    </message>
    <message>
        <source>Misalnya: PBI JK nonaktif saat berobat ke puskesmas</source>
        <translation>For example: PBI-JK inactive when seeking treatment at the health centre</translation>
    </message>
    <message>
        <source>Pemberitahuan privasi sudah disampaikan (wajib)</source>
        <translation>Privacy notice given (required)</translation>
    </message>
    <message>
        <source>Sampaikan: data dipakai untuk layanan dan rujukan ke instansi pemerintah; warga boleh melihat, memperbaiki, dan meminta penghapusan datanya.</source>
        <translation>Tell the resident: the data is used for services and referrals to government agencies; residents may see and correct their data and ask for it to be deleted.</translation>
    </message>
    <message>
        <source>Nama orang tua atau wali</source>
        <translation>Name of the parent or guardian</translation>
    </message>
    <message>
        <source>Orang tua/&amp;wali (untuk anak)</source>
        <translation>Parent/&amp;guardian (for a child)</translation>
    </message>
    <message>
        <source>&amp;Kanal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <source>&amp;Yang datang</source>
        <translation>W&amp;ho came</translation>
    </message>
    <message>
        <source>&amp;Hubungan</source>
        <translation>&amp;Relationship</translation>
    </message>
    <message>
        <source>&amp;Untuk siapa</source>
        <translation>For &amp;whom</translation>
    </message>
    <message>
        <source>&amp;Keperluan</source>
        <translation>&amp;Purpose</translation>
    </message>
    <message>
        <source>Pemberitahuan dan persetujuan</source>
        <translation>Notice and consent</translation>
    </message>
    <message>
        <source>Persetujuan tegas hanya bila diperlukan:</source>
        <translation>Explicit consent, only where needed:</translation>
    </message>
    <message>
        <source>&amp;Cara persetujuan</source>
        <translation>Consent &amp;method</translation>
    </message>
    <message>
        <source>Dari kunjungan terakhir ({date}); ketik untuk mengganti.</source>
        <translation>From the last visit ({date}); type to replace it.</translation>
    </message>
    <message>
        <source>Kosongkan bila {name} orang tua/walinya</source>
        <translation>Leave empty if {name} is the parent or guardian</translation>
    </message>
    <message>
        <source>Sampaikan pemberitahuan privasi kepada warga, lalu centang kotak ini.</source>
        <translation>Give the resident the privacy notice, then tick this box.</translation>
    </message>
</context>
<context>
    <name>VisitFollowUpBar</name>
    <message>
        <source>Catat keluhan</source>
        <translation>Record complaint</translation>
    </message>
    <message>
        <source>Catat keluhan dari kunjungan ini</source>
        <translation>Record a complaint from this visit</translation>
    </message>
    <message>
        <source>Catat kebutuhan</source>
        <translation>Record need</translation>
    </message>
    <message>
        <source>Catat kebutuhan dari kunjungan ini</source>
        <translation>Record a need from this visit</translation>
    </message>
    <message>
        <source>Rujuk kebutuhan…</source>
        <translation>Refer need…</translation>
    </message>
    <message>
        <source>Rujuk kebutuhan yang baru disimpan ke layanan di direktori</source>
        <translation>Refer the need just saved to a service in the directory</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tutup saran ini</source>
        <translation>Dismiss this prompt</translation>
    </message>
    <message>
        <source>Kunjungan {number} tersimpan. Lanjutkan:</source>
        <translation>Visit {number} saved. Next:</translation>
    </message>
</context>
<context>
    <name>WaitingTableModel</name>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Paket</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>Menunggu sejak</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ke-{sequence} dari {sender}</source>
        <translation>no. {sequence} from {sender}</translation>
    </message>
</context>
</TS>
