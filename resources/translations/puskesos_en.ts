<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>App</name>
    <message>
        <source>Basis data tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Situs belum disiapkan</source>
        <translation>The site has not been set up</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>Bagian ini sedang disiapkan dan belum dapat dipakai.</source>
        <translation>This area is being prepared and cannot be used yet.</translation>
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
        <source>Layanan</source>
        <translation>Services</translation>
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
        <translation>Data Exchange</translation>
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
        <source>Daftar bagian</source>
        <translation>Areas</translation>
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
</context>
<context>
    <name>VisitsChart</name>
    <message>
        <source>Kunjungan per bulan</source>
        <translation>Visits per month</translation>
    </message>
    <message>
        <source>Belum ada kunjungan dalam 12 bulan terakhir.</source>
        <translation>No visits in the last 12 months.</translation>
    </message>
</context>
</TS>
